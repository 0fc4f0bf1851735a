import { PreferenceSwitchers } from '../components/PreferenceSwitchers';
import { NetworkSettingsButton } from '../network/NetworkSettingsButton';
import { SandboxBadge } from './SandboxBadge';

export function Header() {
  return (
    <header className="app-header">
      <p className="app-name">Switchboard</p>
      <SandboxBadge />
      <PreferenceSwitchers />
      <NetworkSettingsButton />
    </header>
  );
}
