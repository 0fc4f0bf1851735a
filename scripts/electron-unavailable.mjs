// The words `npm start` (scripts/start.mjs) uses when Electron cannot start and it falls back to web mode: why
// (the download host and the network error underneath, or what stops an installed binary from running), how to
// fix it, and what happens instead. Pure, so every cause's wording is tested (scripts/start.test.ts).
import { URL } from 'node:url';

/** A failed download is not tried again on every start: a machine without network stays without it for a while. */
export const RETRY_AFTER_MS = 60 * 60 * 1000;

export const WEB_MODE_INSTEAD = 'Starting web mode instead: the same console in your browser, against the same core.';

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * fetch() only says "fetch failed"; what happened on the wire is its `cause` (sometimes several levels down, or the
 * first of an AggregateError's errors when every address of the host failed). The first error with a code or an
 * HTTP status wins; otherwise the innermost one.
 */
export function rootCause(error) {
  const seen = new Set();
  let current = error;
  let innermost = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    innermost = current;
    if (current.code || httpStatus(current)) return current;
    const next = current.cause ?? (Array.isArray(current.errors) ? current.errors[0] : undefined);
    if (!next) break;
    current = next;
  }
  return innermost;
}

function httpStatus(error) {
  const status = error?.status ?? error?.response?.status;
  return typeof status === 'number' ? status : null;
}

/** One sentence: what went wrong reaching `url`, in words, with the system's code for searching. */
export function describeDownloadFailure(error, url) {
  const host = hostOf(url);
  const cause = rootCause(error);
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const status = httpStatus(cause);
  const message = String(cause?.message ?? cause ?? 'unknown error');

  if (status === 404) return `${host} has no ${fileOf(url)} (HTTP 404): this mirror does not carry that Electron version for this platform`;
  if (status === 407) return `a proxy between this machine and ${host} asked for credentials (HTTP 407)`;
  if (status) return `${host} answered HTTP ${status}${cause?.statusText ? ` ${cause.statusText}` : ''} instead of the file`;
  switch (code) {
    case 'ENOTFOUND':
      return `the name ${host} could not be resolved (DNS lookup failed, ENOTFOUND): this machine's DNS does not know it, or there is no DNS at all`;
    case 'EAI_AGAIN':
      return `the DNS lookup for ${host} got no answer (EAI_AGAIN): no DNS server is reachable right now`;
    case 'ECONNREFUSED':
      return `${host} refused the connection (ECONNREFUSED): a firewall or proxy rejects it`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `connecting to ${host} timed out (${code}): a firewall probably drops the traffic`;
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return `${host} stopped answering in the middle of the download (${code})`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return `the connection to ${host} was cut (${code}): a firewall or proxy ended it`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `there is no network route to ${host} (${code}): this machine is offline, or only reaches a local network`;
    case 'ENOSPC':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `the download could not be written to Electron's cache (${code}: ${message})`;
  }
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('CERT_')) {
    return `the TLS certificate presented for ${host} was not accepted (${code}): a proxy that inspects HTTPS? Give Node its certificate with NODE_EXTRA_CA_CERTS`;
  }
  // fetch refuses some ports outright (the Fetch standard's "bad port" list), before any connection.
  if (message === 'bad port') return `fetch refuses to connect to the port in ${url} ("bad port"): give the mirror another port`;
  if (/checksum/i.test(message)) return `the file from ${host} did not match Electron's published checksum: a proxy or the mirror altered it`;
  return code ? `${message} (${code})` : message;
}

/**
 * The message for a download that failed now, or (with `remembered`) within the last RETRY_AFTER_MS, when it is
 * not tried again.
 */
export function explainDownloadFailure({ url, cause, version, remembered }) {
  const host = hostOf(url);
  const lines = [
    `Electron cannot start on this machine: its binary (Electron ${version}) is not installed, and downloading it from ${host} failed.`,
    `  tried: ${url}`,
    `  cause: ${cause}.`,
    `  fix:   point ELECTRON_MIRROR at a mirror of Electron's releases this machine can reach, e.g.`,
    `         ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start`,
    `         or run npm start on a machine with network access to ${host}.`,
  ];
  if (remembered) {
    lines.push(
      `  (this failure is from ${clock(remembered.at)}; not retried until ${clock(remembered.at + RETRY_AFTER_MS)}, or now if you delete ${remembered.file}, or set another ELECTRON_MIRROR)`,
    );
  }
  lines.push(WEB_MODE_INSTEAD);
  return lines;
}

/** The binary downloaded, but unpacking it (node_modules/electron/install.js) did not give a runnable file. */
export function explainUnpackFailure({ version, status }) {
  return [
    `Electron cannot start on this machine: Electron ${version} was downloaded but could not be unpacked (install.js exited with ${status}; its output is above).`,
    '  fix:   delete node_modules/electron and run npm install again.',
    WEB_MODE_INSTEAD,
  ];
}

export function explainElectronPackageMissing() {
  return [
    'Electron cannot start on this machine: the electron package is not installed (it is a development dependency; was npm install run with --omit=dev?).',
    '  fix:   npm install',
    WEB_MODE_INSTEAD,
  ];
}

// The libraries Electron's binary links against that a server install of Debian/Ubuntu tends to lack, with the
// package that provides each; anything else is named as is.
const LIBRARY_PACKAGES = {
  'libnss3.so': 'libnss3',
  'libnssutil3.so': 'libnss3',
  'libsmime3.so': 'libnss3',
  'libnspr4.so': 'libnspr4',
  'libatk-1.0.so.0': 'libatk1.0-0',
  'libatk-bridge-2.0.so.0': 'libatk-bridge2.0-0',
  'libcups.so.2': 'libcups2',
  'libdrm.so.2': 'libdrm2',
  'libgtk-3.so.0': 'libgtk-3-0',
  'libgbm.so.1': 'libgbm1',
  'libasound.so.2': 'libasound2',
  'libxkbcommon.so.0': 'libxkbcommon0',
  'libXcomposite.so.1': 'libxcomposite1',
  'libXdamage.so.1': 'libxdamage1',
  'libXfixes.so.3': 'libxfixes3',
  'libXrandr.so.2': 'libxrandr2',
  'libpango-1.0.so.0': 'libpango-1.0-0',
  'libcairo.so.2': 'libcairo2',
  'libdbus-1.so.3': 'libdbus-1-3',
  'libexpat.so.1': 'libexpat1',
};

/** Library names from `ldd` ("libnss3.so => not found") or from the loader ("error while loading shared libraries: X:"). */
export function missingLibraries(output) {
  const found = new Set();
  for (const match of String(output).matchAll(/^\s*(\S+)\s+=>\s+not found/gm)) found.add(match[1]);
  for (const match of String(output).matchAll(/error while loading shared libraries: ([^:\s]+):/g)) found.add(match[1]);
  return [...found];
}

/**
 * What stops an installed Electron binary from running here, each with its fix; empty when nothing does.
 * `uid` is process.getuid() (undefined off POSIX).
 */
export function cannotRunReasons({ platform, env, uid, missing }) {
  const reasons = [];
  if (missing.length) {
    const packages = [...new Set(missing.map((library) => LIBRARY_PACKAGES[library]).filter(Boolean))];
    const unknown = missing.filter((library) => !LIBRARY_PACKAGES[library]);
    reasons.push({
      reason: `system libraries it needs are missing: ${missing.join(', ')}`,
      fix: [
        packages.length ? `sudo apt-get install ${packages.join(' ')}` : null,
        unknown.length ? `install what provides ${unknown.join(', ')} (Debian: apt-file search ${unknown[0]})` : null,
      ]
        .filter(Boolean)
        .join('; '),
    });
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    reasons.push({
      reason: 'there is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set: a server, a container or an SSH session)',
      fix: 'run npm start in a desktop session, or over ssh -X; web mode works from a browser on this machine, or through ssh -L 4780:127.0.0.1:4780 from yours',
    });
  }
  if (platform === 'linux' && uid === 0) {
    reasons.push({
      reason: "it would run as root, which Chromium refuses without --no-sandbox, and Switchboard keeps Chromium's sandbox on",
      fix: 'run npm start as an ordinary user',
    });
  }
  return reasons;
}

export function explainCannotRun({ version, reasons }) {
  return [
    `Electron ${version} is installed but cannot run here:`,
    ...reasons.flatMap(({ reason, fix }) => [`  - ${reason}`, `    fix: ${fix}`]),
    WEB_MODE_INSTEAD,
  ];
}

/** Whether a remembered failure still stands: same Electron version, same URL (no new mirror), less than an hour old. */
export function failureStillFresh(record, { version, url, now }) {
  if (!record || record.version !== version || record.url !== url || typeof record.at !== 'number') return false;
  const age = now - record.at;
  return age >= 0 && age < RETRY_AFTER_MS;
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return String(url);
  }
}

function fileOf(url) {
  try {
    return new URL(url).pathname.split('/').pop() || url;
  } catch {
    return String(url);
  }
}

function clock(ms) {
  return new Date(ms).toTimeString().slice(0, 5);
}
