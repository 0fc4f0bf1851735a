import { PreferenceSwitchers } from '../components/PreferenceSwitchers';
import { NetworkSettingsButton } from '../network/NetworkSettingsButton';
import { SandboxControlsButton } from '../sandbox-controls/SandboxControlsButton';
import { SandboxBadge } from './SandboxBadge';

export function Header() {
  return (
    <header className="app-header">
      <p className="app-name">Switchboard</p>
      <SandboxBadge />
      <SandboxControlsButton />
      <PreferenceSwitchers />
      <NetworkSettingsButton />
    </header>
  );
}
