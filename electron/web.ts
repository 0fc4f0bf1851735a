/**
 * Web mode: the real core under plain Node, serving the renderer to a browser over loopback. For development
 * and tests on machines without an Electron binary; never part of a packaged app (scripts/build.mjs bundles
 * only main.ts and preload.ts).
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startWebServer, type WebServer } from './core/bridge/web-server';
import { createCore } from './core/create-core';
import { createFileLogger } from './core/log';
import { Redactor } from './core/redactor';
import { openJsonStore } from './core/store/json-store';
import { loadKeychain } from './glue/keychain';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SWITCHBOARD_WEB_PORT ?? '4780' },
    'data-dir': { type: 'string', default: process.env.SWITCHBOARD_DATA_DIR ?? join(homedir(), '.switchboard-web') },
    static: { type: 'string', default: resolve('dist/renderer') },
    'sandbox-seed': { type: 'string', default: '1' },
    // The fault-survival browser tests notice a silent provider, or a stalled socket, in a second or two.
    'provider-timeout-ms': { type: 'string', default: process.env.SWITCHBOARD_PROVIDER_TIMEOUT_MS },
    'phoenix-heartbeat-ms': { type: 'string', default: process.env.SWITCHBOARD_PHOENIX_HEARTBEAT_MS },
    // The authorization browser tests see a pairing code expire, and the wizard's wait give up, within seconds.
    'pairing-code-ms': { type: 'string', default: process.env.SWITCHBOARD_PAIRING_CODE_MS },
    'wizard-wait-ms': { type: 'string', default: process.env.SWITCHBOARD_WIZARD_WAIT_MS },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535 (0 picks a free port); got "${values.port}".`);
  process.exit(2);
}
const providerTimeoutMs = milliseconds('provider-timeout-ms');
const phoenixHeartbeatMs = milliseconds('phoenix-heartbeat-ms');
const pairingCodeMs = milliseconds('pairing-code-ms');
const wizardWaitMs = milliseconds('wizard-wait-ms');
const dataDir = resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true });

const redactor = new Redactor();
const log = createFileLogger(join(dataDir, 'logs', 'switchboard.log'), redactor);
const { store, quarantined } = openJsonStore(dataDir);
let server: WebServer | null = null;
const core = await createCore({
  runtime: 'web',
  version: process.env.npm_package_version ?? '0.0.0',
  dataDir,
  store,
  quarantined,
  keychain: await loadKeychain(),
  emit: (name, payload) => server?.emit(name, payload),
  log,
  redactor,
  sandboxSeed: Number(values['sandbox-seed']),
  providerTimeoutMs,
  phoenixHeartbeatMs,
  pairingCodeMs,
  wizardWaitMs,
});
try {
  server = await startWebServer({
    dispatch: core.dispatch,
    staticDir: resolve(values.static),
    port,
    log,
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use. Pick another with --port.` : `Web mode could not start: ${String(error)}`);
  process.exit(1);
}

console.log(`Switchboard web mode (development only; bound to 127.0.0.1)`);
console.log(`  data directory: ${dataDir}`);
console.log(`  open: ${server.url}/#token=${server.token}`);
console.log(`SWITCHBOARD_WEB_URL=${server.url}/#token=${server.token}`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server?.close();
  await core.dispose();
  console.log('Switchboard web mode stopped.');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** An optional duration option: a positive whole number of milliseconds, or the run stops with the reason. */
function milliseconds(name: 'provider-timeout-ms' | 'phoenix-heartbeat-ms' | 'pairing-code-ms' | 'wizard-wait-ms'): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (Number.isInteger(value) && value > 0) return value;
  console.error(`--${name} must be a whole number of milliseconds; got "${text}".`);
  process.exit(2);
}
