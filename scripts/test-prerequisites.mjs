// What the test suite needs from the machine, installed on Debian when we are root (CI), otherwise named
// exactly so a developer can install it. Never silently skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NEEDS = [
  { package: 'chromium', present: () => existsSync(CHROMIUM) },
  { package: 'dbus', present: () => has('dbus-run-session') },
  { package: 'gnome-keyring', present: () => has('gnome-keyring-daemon') },
  { package: 'libsecret-1-dev', present: () => spawnSync('pkg-config', ['--exists', 'libsecret-1']).status === 0 },
];
// keytar has no prebuilt binary we can download here, so it compiles (node-gyp): only needed when it does not load.
const BUILD_TOOLS = [
  { package: 'python3', present: () => has('python3') },
  { package: 'make', present: () => has('make') },
  { package: 'g++', present: () => has('g++') },
  { package: 'pkg-config', present: () => has('pkg-config') },
];

function keytarLoads() {
  return spawnSync(process.execPath, ['-e', "require('keytar')"], { cwd: ROOT, stdio: 'ignore' }).status === 0;
}

const keytarInstalled = () => existsSync(join(ROOT, 'node_modules', 'keytar', 'package.json'));

/** The range package.json asks for, so the test run installs exactly what a user's `npm install` would. */
function keytarRange() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return manifest.optionalDependencies?.keytar ?? manifest.dependencies?.keytar ?? 'latest';
}

/**
 * node-gyp downloads Node's headers from nodejs.org unless told where they are. Debian's nodejs ships them
 * (<prefix>/include/node), so point it there when nothing else is configured: one less host to reach.
 */
function npmEnv() {
  const prefix = join(dirname(process.execPath), '..');
  const localHeaders = existsSync(join(prefix, 'include', 'node', 'node_version.h'));
  const configured = process.env.npm_config_nodedir || spawnSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8' }).stdout?.trim();
  const nodedir = configured && configured !== 'undefined' && configured !== 'null' ? configured : localHeaders ? prefix : '';
  return nodedir ? { ...process.env, npm_config_nodedir: nodedir } : process.env;
}

function installSystemPackages(missing) {
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

export function ensureTestPrerequisites() {
  const keytarReady = keytarLoads();
  const missing = [...NEEDS, ...(keytarReady ? [] : BUILD_TOOLS)].filter((need) => !need.present()).map((need) => need.package);
  if (missing.length) installSystemPackages(missing);

  // keytar is optional for users (the vault falls back to a passphrase), but the tests exercise it for real.
  // On a fresh machine `npm install` ran before libsecret was here: keytar failed to compile and npm, as it does
  // with optional packages, removed it, so there is nothing to rebuild; install it again (without touching
  // package.json or the lockfile). When it is there but does not load, rebuild it.
  if (!keytarReady) {
    if (keytarInstalled()) {
      console.log('keytar does not load: rebuilding it against libsecret…');
      execFileSync('npm', ['rebuild', 'keytar'], { cwd: ROOT, stdio: 'inherit', env: npmEnv() });
    } else {
      const spec = `keytar@${keytarRange()}`;
      console.log(`keytar is not installed (its build failed during npm install, before libsecret was here): installing ${spec}…`);
      execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', spec], { cwd: ROOT, stdio: 'inherit', env: npmEnv() });
    }
    if (!keytarLoads()) {
      console.error('keytar does not load even after building it; see the npm output above.');
      console.error(`It compiles with node-gyp: it needs ${BUILD_TOOLS.map((tool) => tool.package).join(', ')} and libsecret-1-dev.`);
      process.exit(1);
    }
  }
  require.resolve('@playwright/test');
}
