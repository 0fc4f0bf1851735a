// `npm start`: the desktop app. Electron downloads its binary on first use; where that cannot happen (no
// network to its download host, as on our CI machines), or where the binary cannot run (no display, missing
// libraries), this says exactly why and how to fix it, and starts web mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import {
  cannotRunReasons,
  describeDownloadFailure,
  explainCannotRun,
  explainDownloadFailure,
  explainElectronPackageMissing,
  explainUnpackFailure,
  failureStillFresh,
  missingLibraries,
} from './electron-unavailable.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
// Where a failed download is remembered, so a machine without network does not wait for it on every start.
const FAILURE_FILE = join(ROOT, 'node_modules', '.cache', 'switchboard', 'electron-download.json');

/** Thrown by our downloader instead of reaching for a host that failed less than an hour ago. */
class RememberedFailure extends Error {}

const found = await findElectron();
if (found.binary) runElectron(found.binary);
else runWebMode(found.lines);

/** The Electron binary to run, or the lines that say why there is none. */
async function findElectron() {
  let electronDir;
  try {
    electronDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { lines: explainElectronPackageMissing() };
  }
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  if (!installedBinary(electronDir, version)) {
    const failure = await download(electronDir, version);
    if (failure) return { lines: failure };
    // The zip is in @electron/get's cache now; Electron's own installer unpacks it and writes path.txt.
    const unpacked = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
    if (unpacked.status !== 0 || !installedBinary(electronDir, version)) {
      return { lines: explainUnpackFailure({ version, status: unpacked.status }) };
    }
  }
  const binary = installedBinary(electronDir, version);
  const reasons = cannotRunReasons({
    platform: process.platform,
    env: process.env,
    uid: process.getuid?.(),
    missing: process.platform === 'linux' ? linkerProblems(binary) : [],
  });
  return reasons.length ? { lines: explainCannotRun({ version, reasons }) } : { binary };
}

/** The same test as node_modules/electron/install.js: the right version unpacked, and the file path.txt names. */
function installedBinary(electronDir, version) {
  try {
    const relativePath = readFileSync(join(electronDir, 'path.txt'), 'utf8');
    const installed = readFileSync(join(electronDir, 'dist', 'version'), 'utf8').replace(/^v/, '').trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
    const binary = join(dist, relativePath);
    return installed === version && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * Downloads the binary's zip into @electron/get's cache with the same details as Electron's install.js, through
 * a downloader of our own: it knows the URL (so the message can name the host) and keeps fetch's error, whose
 * `cause` says what actually happened. Returns the lines to print on failure, null on success.
 */
async function download(electronDir, version) {
  const electronRequire = createRequire(join(electronDir, 'package.json'));
  const { downloadArtifact } = await import(pathToFileURL(electronRequire.resolve('@electron/get')).href);
  const remembered = readFailure();
  let attempted = '';
  const downloader = {
    async download(url, targetFilePath) {
      attempted = url;
      if (failureStillFresh(remembered, { version, url, now: Date.now() })) throw new RememberedFailure();
      console.log(`Downloading Electron ${version} from ${new URL(url).host} (once; later starts use it)…`);
      const response = await globalThis.fetch(url);
      if (!response.ok || !response.body) {
        throw Object.assign(new Error(`HTTP ${response.status} ${response.statusText}`), {
          status: response.status,
          statusText: response.statusText,
        });
      }
      await pipeline(Readable.fromWeb(response.body), createWriteStream(targetFilePath));
    },
  };
  const useRemoteChecksums = process.env.electron_use_remote_checksums || process.env.npm_config_electron_use_remote_checksums;
  try {
    await downloadArtifact({
      version,
      artifactName: 'electron',
      platform: process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform,
      arch: process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch,
      cacheRoot: process.env.electron_config_cache,
      checksums: useRemoteChecksums ? undefined : electronRequire('./checksums.json'),
      downloader,
    });
    rmSync(FAILURE_FILE, { force: true });
    return null;
  } catch (error) {
    const file = relative(process.cwd(), FAILURE_FILE) || FAILURE_FILE;
    if (error instanceof RememberedFailure) {
      return explainDownloadFailure({ url: attempted, cause: remembered.cause, version, remembered: { at: remembered.at, file } });
    }
    const url = attempted || 'https://github.com/electron/electron/releases/download/';
    const cause = describeDownloadFailure(error, url);
    if (attempted) rememberFailure({ version, url, cause, at: Date.now() });
    return explainDownloadFailure({ url, cause, version });
  }
}


function readFailure() {
  try {
    return JSON.parse(readFileSync(FAILURE_FILE, 'utf8'));
  } catch {
    return null;
  }
}

function rememberFailure(record) {
  try {
    mkdirSync(dirname(FAILURE_FILE), { recursive: true });
    writeFileSync(FAILURE_FILE, `${JSON.stringify(record, null, 2)}\n`);
  } catch {
    // Only an optimisation: without it the next start simply tries again.
  }
}

/** Libraries the binary links against that this system lacks (ldd lists them all; the loader names the first). */
function linkerProblems(binary) {
  const ldd = spawnSync('ldd', [binary], { encoding: 'utf8' });
  if (!ldd.error) return missingLibraries(`${ldd.stdout}\n${ldd.stderr}`);
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return missingLibraries(`${run.stdout ?? ''}\n${run.stderr ?? ''}`);
}

function runElectron(binary) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const app = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}

function runWebMode(lines) {
  for (const line of lines) console.error(line);
  console.error('');
  const web = spawn(process.execPath, ['scripts/web.mjs', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code) => process.exit(code ?? 0));
}
