// What the test suite needs from the machine, installed on Debian when we are root (CI), otherwise named
// exactly so a developer can install it. Never silently skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NEEDS = [
  { package: 'chromium', present: () => existsSync(CHROMIUM) },
  { package: 'dbus', present: () => has('dbus-run-session') },
  { package: 'gnome-keyring', present: () => has('gnome-keyring-daemon') },
  { package: 'libsecret-1-dev', present: () => spawnSync('pkg-config', ['--exists', 'libsecret-1']).status === 0 },
];

function keytarLoads() {
  return spawnSync(process.execPath, ['-e', "require('keytar')"], { stdio: 'ignore' }).status === 0;
}

export function ensureTestPrerequisites() {
  const missing = NEEDS.filter((need) => !need.present()).map((need) => need.package);
  if (missing.length) {
    const canInstall = process.getuid?.() === 0 && has('apt-get');
    if (!canInstall) {
      console.error(`Missing system packages for the tests: ${missing.join(', ')}.`);
      console.error(`Install them (Debian/Ubuntu): sudo apt-get install -y ${missing.join(' ')}`);
      process.exit(1);
    }
    console.log(`Installing system packages the tests need: ${missing.join(', ')}`);
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing, 'dbus-x11', 'fonts-dejavu-core'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  // keytar is optional for users (the vault falls back to a passphrase), but the tests exercise it for real.
  if (!keytarLoads()) {
    console.log('Building keytar against libsecret…');
    execFileSync('npm', ['rebuild', 'keytar'], { stdio: 'inherit' });
    if (!keytarLoads()) {
      console.error('keytar does not load even after a rebuild; see the npm output above.');
      process.exit(1);
    }
  }
  require.resolve('@playwright/test');
}
