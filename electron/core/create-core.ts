import { join } from 'node:path';
import type { KeychainProblem, QuarantinedFile } from '../../shared/vault';
import { createAuditLog } from './audit/audit-log';
import { checkedEmit } from './bridge/checked-emit';
import { createDispatcher, type Handlers } from './bridge/dispatcher';
import type { Logger } from './log';
import type { EventSink, Keychain, KeyValueStore } from './ports';
import { testAccountConnection } from './providers/connection-test';
import { Redactor } from './redactor';
import { startSandbox, type Sandbox } from './sandbox';
import { createAccountsService } from './services/accounts/accounts-service';
import { createAuthorizationService } from './services/authorization/authorization-service';
import { createAuthorizationHandlers } from './services/authorization/handlers';
import { createDeliveryHandlers } from './services/deliveries/handlers';
import { createDemoService } from './services/demo/demo-service';
import { createSandboxControlsHandlers } from './services/sandbox-controls/handlers';
import { createSandboxControlsService } from './services/sandbox-controls/sandbox-controls-service';
import { createFleetArea } from './services/fleet/handlers';
import { createJobRunner } from './services/jobs/job-runner';
import { createProviderClients } from './services/provider-clients';
import { createWebhookHandlers } from './services/webhooks/handlers';
import { createInstanceSettingsHandlers } from './services/instance-settings/handlers';
import type { DesktopNotifier } from './services/notifications/desktop-notifications';
import { createNotificationHandlers } from './services/notifications/handlers';
import { createSettingsService } from './services/settings/settings-service';
import { createNetworkHandlers } from './services/settings/network-handlers';
import { createNetworkSettingsService } from './services/settings/network-settings-service';
import { createWorkbenchHandlers } from './services/workbench/handlers';
import { createVault } from './vault';

export interface CoreOptions {
  runtime: 'electron' | 'web';
  version: string;
  dataDir: string;
  store: KeyValueStore;
  /** Files the host found unreadable at start-up and moved aside (the plain store, for instance). */
  quarantined: QuarantinedFile[];
  keychain: { keychain: Keychain | null; problem: KeychainProblem | null; name: string };
  emit: EventSink;
  log: Logger;
  redactor: Redactor;
  sandboxSeed?: number;
  /** How long one provider request may take (default 15 s); tests of timeouts make it short. */
  providerTimeoutMs?: number;
  /** The Phoenix sockets' heartbeat interval (default 30 s); tests of missed heartbeats make it short. */
  phoenixHeartbeatMs?: number;
  /** How long a GREEN-API pairing code is shown (default its documented 150 s); tests of its expiry make it short. */
  pairingCodeMs?: number;
  /** How long the provisioning wizard waits for a GREEN-API instance to be created (default 10 minutes). */
  wizardWaitMs?: number;
  /** Lighter key derivation for tests; production uses the vault's default. */
  scrypt?: { N: number; r: number; p: number };
  /** The OS notification centre (Electron's glue); absent in web mode and tests, where alerts stay in the page. */
  notifier?: DesktopNotifier;
}

/**
 * Wires the services behind the contract. Both hosts (Electron's main process and web mode) call this and hand
 * the handlers to their transport; nothing here knows which transport it is.
 */
export async function createCore(options: CoreOptions) {
  const { log, redactor, store } = options;
  const emit = checkedEmit(options.emit, log);

  const vault = createVault({
    file: join(options.dataDir, 'vault.json'),
    keychain: options.keychain.keychain,
    keychainProblem: options.keychain.problem,
    keychainName: options.keychain.name,
    redactor,
    log,
    scrypt: options.scrypt,
  });
  await vault.open();
  vault.onChange((status) => emit('vault.changed', status));

  // The sandbox starts on first use (demo workspace or a sandbox account), not on every launch.
  let sandbox: Promise<Sandbox> | null = null;
  const ensureSandbox = () => (sandbox ??= startSandbox({ seed: options.sandboxSeed ?? 1 }));

  const audit = createAuditLog(join(options.dataDir, 'audit.log'), redactor);
  // The proxy setting, read by every transport on every call: a saved change applies without a restart.
  const network = createNetworkSettingsService({ store, vault });
  const proxy = () => network.proxy();
  const clients = createProviderClients({ redactor, log, timeoutMs: options.providerTimeoutMs, proxy });
  const jobs = createJobRunner({ emit: (progress) => emit('jobs.progress', progress), log });
  const settings = createSettingsService(store);
  const accounts = createAccountsService({
    store,
    vault,
    sandboxUrls: async () => (await ensureSandbox()).urls,
    testConnection: (account) => testAccountConnection(account, { redactor, logger: log, timeoutMs: options.providerTimeoutMs, proxy }),
    changed: (ids) => emit('accounts.changed', { ids }),
    log,
  });
  const demo = createDemoService({ accounts, settings, sandbox: ensureSandbox });
  // The controls act on a running sandbox, or on the one a sandbox account will start anyway (after a restart the
  // demo workspace is there before its sandbox is); with neither, they refuse rather than start one.
  const sandboxControls = createSandboxControlsService({
    sandbox: () => sandbox ?? (accounts.records().some((record) => record.sandbox) ? ensureSandbox() : null),
  });
  const authorization = createAuthorizationService({
    accounts,
    clients,
    store,
    jobs,
    emit: (event) => emit('auth.event', event),
    redactor,
    log,
    tuning: {
      ...(options.phoenixHeartbeatMs ? { phoenix: { heartbeatIntervalMs: options.phoenixHeartbeatMs } } : {}),
      ...(options.pairingCodeMs ? { pairing: { codeLifetimeMs: options.pairingCodeMs } } : {}),
      ...(options.wizardWaitMs ? { wizardWaitMs: options.wizardWaitMs } : {}),
    },
  });

  const fleet = createFleetArea({ accounts, clients, jobs, store, audit, emit, log, dataDir: options.dataDir });

  const vaultStatus = () => {
    const status = vault.status();
    return { ...status, quarantined: [...options.quarantined, ...fleet.quarantined(), ...status.quarantined] };
  };

  const handlers: Handlers = {
    'app.info': () => ({
      version: options.version,
      runtime: options.runtime,
      platform: process.platform,
      dataDir: options.dataDir,
      sandbox: { running: sandbox !== null },
      quarantined: vaultStatus().quarantined,
    }),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),

    'vault.status': () => vaultStatus(),
    'vault.setUpPassphrase': async ({ passphrase }) => (await vault.setUpPassphrase(passphrase), vaultStatus()),
    'vault.unlock': async ({ passphrase }) => (await vault.unlock(passphrase), vaultStatus()),
    'vault.startFresh': async () => (await vault.startFresh(), vaultStatus()),

    'accounts.list': () => accounts.list(),
    'accounts.create': ({ draft }) => accounts.create(draft),
    'accounts.update': ({ id, patch }) => accounts.update(id, patch),
    'accounts.remove': async ({ id }) => (await accounts.remove(id), { done: true as const }),
    'accounts.test': ({ id }) => accounts.test(id),
    'accounts.testDraft': ({ patch, existingId }) => accounts.testDraft(patch, existingId),

    'demo.status': () => demo.status(),
    'demo.create': () => demo.create(),
    'demo.dismiss': () => (demo.dismiss(), { done: true as const }),

    'audit.list': ({ limit, offset }) => audit.list(limit, offset),
    'audit.exportCsv': () => audit.exportCsv(),

    'jobs.list': () => jobs.list(),
    'jobs.cancel': ({ jobId }) => (jobs.cancel(jobId), { done: true as const }),

    ...createWorkbenchHandlers({ accounts, clients }),
    ...createAuthorizationHandlers(authorization, ensureSandbox),
    ...fleet.handlers,
    ...createDeliveryHandlers({ accounts, clients, jobs, emitFollowed: (event) => emit('deliveries.followed', event) }),
    ...createWebhookHandlers({ accounts, clients, redactor, log }),
    ...createInstanceSettingsHandlers({ accounts, clients, jobs }),
    ...createNotificationHandlers({ notifier: options.notifier ?? null, store }),
    ...createNetworkHandlers({ network, accounts, proxy }),
    ...createSandboxControlsHandlers(sandboxControls),
  };

  return {
    handlers,
    /** The one wrapper every transport hands calls to. */
    dispatch: createDispatcher(handlers, {
      log,
      redactor,
      audit,
      nameOf: (id) => accounts.records().find((record) => record.id === id)?.name ?? null,
    }),
    audit,
    clients,
    jobs,
    accounts,
    vault,
    /** Starts the sandbox if it is not running yet (tests and controls). */
    sandboxReady: ensureSandbox,
    async dispose() {
      await authorization.dispose();
      await fleet.dispose();
      if (sandbox) await (await sandbox).close();
    },
  };
}
export type Core = Awaited<ReturnType<typeof createCore>>;
