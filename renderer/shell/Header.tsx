import { PreferenceSwitchers } from '../components/PreferenceSwitchers';
import { SandboxBadge } from './SandboxBadge';

export function Header() {
  return (
    <header className="app-header">
      <p className="app-name">Switchboard</p>
      <SandboxBadge />
      <PreferenceSwitchers />
    </header>
  );
}
