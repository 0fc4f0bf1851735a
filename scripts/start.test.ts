import { createServer, type AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  RETRY_AFTER_MS,
  WEB_MODE_INSTEAD,
  cannotRunReasons,
  describeDownloadFailure,
  explainCannotRun,
  explainDownloadFailure,
  failureStillFresh,
  missingLibraries,
} from './electron-unavailable.mjs';

/**
 * What `npm start` (scripts/start.mjs) says when Electron cannot start. Network failures that can be made for
 * real on loopback are (a refused connection, an HTTP 404); the others are built in the shape fetch/undici gives.
 */
const URL_GITHUB = 'https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip';
const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function fetchError(url: string): Promise<unknown> {
  try {
    await fetch(url);
  } catch (error) {
    return error;
  }
  throw new Error(`fetching ${url} did not fail`);
}

describe('why the Electron download failed', () => {
  it('names a refused connection (a real one, on loopback) and its host', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v45.4.1/electron.zip`;
    const cause = describeDownloadFailure(await fetchError(url), url);
    expect(cause).toContain(new URL(url).host);
    expect(cause).toMatch(/refused the connection \(ECONNREFUSED\)/);
  });

  it('says a mirror does not carry the file on HTTP 404 (a real server)', async () => {
    const server = createHttpServer((_req, res) => res.writeHead(404, 'Not Found').end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/v45.4.1/electron-v45.4.1-linux-x64.zip`;
    try {
      const response = await fetch(url);
      const error = Object.assign(new Error(`HTTP ${response.status}`), { status: response.status, statusText: response.statusText });
      expect(describeDownloadFailure(error, url)).toBe(
        `127.0.0.1:${port} has no electron-v45.4.1-linux-x64.zip (HTTP 404): this mirror does not carry that Electron version for this platform`,
      );
    } finally {
      server.close();
    }
  });

  it.each([
    ['ENOTFOUND', /the name github\.com could not be resolved \(DNS lookup failed, ENOTFOUND\)/],
    ['EAI_AGAIN', /DNS lookup for github\.com got no answer \(EAI_AGAIN\)/],
    ['ETIMEDOUT', /connecting to github\.com timed out \(ETIMEDOUT\)/],
    ['UND_ERR_CONNECT_TIMEOUT', /connecting to github\.com timed out \(UND_ERR_CONNECT_TIMEOUT\)/],
    ['UND_ERR_BODY_TIMEOUT', /github\.com stopped answering in the middle of the download/],
    ['ECONNRESET', /connection to github\.com was cut \(ECONNRESET\)/],
    ['ENETUNREACH', /no network route to github\.com \(ENETUNREACH\)/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /TLS certificate presented for github\.com was not accepted \(SELF_SIGNED_CERT_IN_CHAIN\).*NODE_EXTRA_CA_CERTS/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /TLS certificate presented for github\.com was not accepted/],
    ['ENOSPC', /could not be written to Electron's cache \(ENOSPC/],
  ])('words %s, read from fetch’s cause', (code, wording) => {
    expect(describeDownloadFailure(fetchFailed(withCode(`${code} something`, code)), URL_GITHUB)).toMatch(wording);
  });

  it('looks inside an AggregateError (every address of the host failed) and through nested causes', () => {
    const refused = withCode('connect ECONNREFUSED 140.82.121.3:443', 'ECONNREFUSED');
    const aggregate = new AggregateError([refused, withCode('connect ECONNREFUSED ::1:443', 'ECONNREFUSED')]);
    expect(describeDownloadFailure(fetchFailed(aggregate), URL_GITHUB)).toMatch(/^github\.com refused the connection/);
    const nested = fetchFailed(new Error('socket trouble', { cause: withCode('read ECONNRESET', 'ECONNRESET') }));
    expect(describeDownloadFailure(nested, URL_GITHUB)).toMatch(/was cut \(ECONNRESET\)/);
  });

  it('words other HTTP answers, a proxy asking for credentials, a checksum mismatch and anything else', () => {
    expect(describeDownloadFailure(Object.assign(new Error('x'), { status: 503, statusText: 'Service Unavailable' }), URL_GITHUB)).toBe(
      'github.com answered HTTP 503 Service Unavailable instead of the file',
    );
    // @electron/get's own HTTPError carries the response.
    expect(describeDownloadFailure({ message: 'Response code 407', response: { status: 407 } }, URL_GITHUB)).toMatch(/proxy .* asked for credentials \(HTTP 407\)/);
    expect(describeDownloadFailure(new Error('Generated checksum for "electron.zip" did not match expected checksum.'), URL_GITHUB)).toMatch(
      /did not match Electron's published checksum/,
    );
    expect(describeDownloadFailure(fetchFailed(withCode('something odd', 'EWHATEVER')), URL_GITHUB)).toBe('something odd (EWHATEVER)');
  });
});

describe('the download-failure message', () => {
  it('names the host and the URL it tried, the cause, how to fix it, and that web mode starts', () => {
    const lines = explainDownloadFailure({ url: URL_GITHUB, cause: 'CAUSE-TEXT', version: '45.4.1' });
    const text = lines.join('\n');
    expect(lines[0]).toContain('downloading it from github.com failed');
    expect(text).toContain(`tried: ${URL_GITHUB}`);
    expect(text).toContain('cause: CAUSE-TEXT.');
    expect(text).toContain('ELECTRON_MIRROR=');
    expect(text).toContain('network access to github.com');
    expect(lines.at(-1)).toBe(WEB_MODE_INSTEAD);
    expect(text).not.toContain('not retried');
  });

  it('says when a remembered failure is used, and how to retry at once', () => {
    const text = explainDownloadFailure({
      url: URL_GITHUB,
      cause: 'CAUSE-TEXT',
      version: '45.4.1',
      remembered: { at: 0, file: 'node_modules/.cache/switchboard/electron-download.json' },
    }).join('\n');
    expect(text).toContain('not retried until');
    expect(text).toContain('delete node_modules/.cache/switchboard/electron-download.json');
    expect(text).toContain('cause: CAUSE-TEXT.');
  });
});

describe('remembering a failed download', () => {
  const record = { version: '45.4.1', url: URL_GITHUB, cause: 'x', at: 1_000_000 };
  it('stands for an hour for the same version and URL', () => {
    expect(failureStillFresh(record, { version: '45.4.1', url: URL_GITHUB, now: record.at })).toBe(true);
    expect(failureStillFresh(record, { version: '45.4.1', url: URL_GITHUB, now: record.at + RETRY_AFTER_MS - 1 })).toBe(true);
    expect(failureStillFresh(record, { version: '45.4.1', url: URL_GITHUB, now: record.at + RETRY_AFTER_MS })).toBe(false);
  });
  it('does not stand for another mirror, another Electron version, a clock turned back or no record', () => {
    expect(failureStillFresh(record, { version: '45.4.1', url: 'https://mirror.example/v45.4.1/e.zip', now: record.at })).toBe(false);
    expect(failureStillFresh(record, { version: '46.0.0', url: URL_GITHUB, now: record.at })).toBe(false);
    expect(failureStillFresh(record, { version: '45.4.1', url: URL_GITHUB, now: record.at - 1 })).toBe(false);
    expect(failureStillFresh(null, { version: '45.4.1', url: URL_GITHUB, now: record.at })).toBe(false);
  });
});

describe('an installed Electron that cannot run', () => {
  it('reads missing libraries from ldd and from the loader', () => {
    const ldd = '\tlinux-vdso.so.1 (0x0)\n\tlibnss3.so => not found\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x0)\n\tlibgbm.so.1 => not found\n';
    expect(missingLibraries(ldd)).toEqual(['libnss3.so', 'libgbm.so.1']);
    const loader = 'electron: error while loading shared libraries: libatk-1.0.so.0: cannot open shared object file: No such file or directory';
    expect(missingLibraries(loader)).toEqual(['libatk-1.0.so.0']);
    expect(missingLibraries('v45.4.1\n')).toEqual([]);
  });

  it('names the Debian packages for known libraries and how to find the others', () => {
    const [libraries] = cannotRunReasons({ platform: 'linux', env: { DISPLAY: ':0' }, uid: 1000, missing: ['libnss3.so', 'libgbm.so.1', 'libodd.so.7'] });
    expect(libraries!.reason).toBe('system libraries it needs are missing: libnss3.so, libgbm.so.1, libodd.so.7');
    expect(libraries!.fix).toContain('sudo apt-get install libnss3 libgbm1');
    expect(libraries!.fix).toContain('apt-file search libodd.so.7');
  });

  it('needs a display on Linux (X11 or Wayland), not elsewhere', () => {
    const noDisplay = cannotRunReasons({ platform: 'linux', env: {}, uid: 1000, missing: [] });
    expect(noDisplay).toHaveLength(1);
    expect(noDisplay[0]!.reason).toMatch(/no display .*DISPLAY.*WAYLAND_DISPLAY/);
    expect(noDisplay[0]!.fix).toContain('ssh -L 4780:127.0.0.1:4780');
    expect(cannotRunReasons({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, uid: 1000, missing: [] })).toEqual([]);
    expect(cannotRunReasons({ platform: 'darwin', env: {}, uid: 0, missing: [] })).toEqual([]);
  });

  it('refuses root on Linux, where Chromium would not start with its sandbox on', () => {
    const reasons = cannotRunReasons({ platform: 'linux', env: { DISPLAY: ':0' }, uid: 0, missing: [] });
    expect(reasons.map((r) => r.reason)).toEqual([expect.stringMatching(/as root.*--no-sandbox/)]);
  });

  it('lists every reason with its fix, then says web mode starts', () => {
    const lines = explainCannotRun({ version: '45.4.1', reasons: cannotRunReasons({ platform: 'linux', env: {}, uid: 0, missing: ['libnss3.so'] }) });
    expect(lines[0]).toBe('Electron 45.4.1 is installed but cannot run here:');
    expect(lines.filter((line) => line.startsWith('  - '))).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('    fix: '))).toHaveLength(3);
    expect(lines.at(-1)).toBe(WEB_MODE_INSTEAD);
  });
});
