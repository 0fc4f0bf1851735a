import { authMethodsOf, type AuthEvent, type AuthSessionMethod, type AuthTarget, type TelegramCommandName } from '../../../../shared/auth';
import { PROVIDER_CAPABILITIES } from '../../../../shared/providers';
import { AppError } from '../../app-error';
import type { Logger } from '../../log';
import type { KeyValueStore } from '../../ports';
import { TelegramLoginSession, WhatsAppQrSession, type PhoenixTiming } from '../../providers/chatpush/phoenix';
import { openQrSocket } from '../../providers/greenapi';
import type { Redactor } from '../../redactor';
import type { AccountsService } from '../accounts/accounts-service';
import type { ProviderClients } from '../provider-clients';
import { ChatpushQrDriver } from './chatpush-qr-driver';
import { GreenApiPairingDriver, type PairingOptions } from './greenapi-pairing-driver';
import { GreenApiQrDriver, type GreenApiQrOptions } from './greenapi-qr-driver';
import { listAuthInstances } from './instance-list';
import { createProvisioningWizard, type WizardDeps } from './provisioning-wizard';
import { SessionRegistry, type RegistryLimits } from './session-registry';
import { TelegramDriver } from './telegram-driver';
import type { SessionChannel } from './session-channel';
import { realWait, type SessionDriver, type Wait } from './session-driver';
import { chatpushInstanceId, requireProvider, resolveTarget, type ChatpushTarget, type GreenApiTarget, type ResolvedTarget } from './targets';

export interface AuthorizationDeps {
  accounts: AccountsService;
  clients: ProviderClients;
  /** The plain store (the wizard's progress) and the job runner (the wizard's wait). */
  store: KeyValueStore;
  jobs: WizardDeps['jobs'];
  emit: (event: AuthEvent) => void;
  redactor: Redactor;
  log: Logger;
  now?: () => number;
  wait?: Wait;
  /** Tests shorten the protocols' intervals; production uses the documented ones. */
  tuning?: { phoenix?: Partial<PhoenixTiming>; greenapiQr?: Partial<GreenApiQrOptions>; pairing?: Partial<PairingOptions>; registry?: Partial<RegistryLimits>; wizardWaitMs?: number };
}

/**
 * Authorization sessions and the one-shot authorization requests (logout, reboot, MAX, Telegram bot). Each
 * session is one driver over one provider session, reporting through `auth.event`.
 */
export function createAuthorizationService(deps: AuthorizationDeps) {
  const { accounts, clients, redactor, log } = deps;
  const now = deps.now ?? Date.now;
  const wait = deps.wait ?? realWait;
  const registry = new SessionRegistry({ emit: deps.emit, log, now, limits: deps.tuning?.registry });

  const phoenixOptions = (target: ChatpushTarget, url: string, origin?: string) => ({
    brand: target.account.brand,
    url,
    token: target.token,
    ...(origin ? { origin } : {}),
    redactor,
    logger: log,
    // The sockets go through the same proxy setting as the REST calls, read on each connection attempt.
    proxy: clients.proxy,
    ...(deps.tuning?.phoenix ? { timing: deps.tuning.phoenix } : {}),
  });

  const driverFor = (target: ResolvedTarget, method: AuthSessionMethod) => (channel: SessionChannel): SessionDriver => {
    if (target.provider === 'chatpush' && method === 'qr') {
      return new ChatpushQrDriver({
        channel,
        // §4.1: the WhatsApp socket checks Origin against the platform's allow-list.
        open: () => new WhatsAppQrSession({ ...phoenixOptions(target, target.account.hosts.whatsappWs, target.account.wsOrigin), customerId: target.customerId }),
        interrupt: async () => clients.chatpushDeveloper(target.account).interruptWhatsappAuthorization(await chatpushInstanceId(clients, target)),
        linkedPhone: async () => (await clients.chatpushDeveloper(target.account).getInstance(target.customerId)).whatsappPhone,
        log,
      });
    }
    if (target.provider === 'chatpush' && method === 'telegram') {
      return new TelegramDriver({ channel, open: () => new TelegramLoginSession(phoenixOptions(target, target.account.hosts.telegramWs)) });
    }
    if (target.provider === 'greenapi' && method === 'qr') {
      return new GreenApiQrDriver({
        channel,
        api: clients.greenapiInstance(target.credentials),
        openSocket: (signal) => openQrSocket(target.credentials, { redactor, logger: log, signal, proxy: clients.proxy }),
        wait,
        now,
        log,
        options: deps.tuning?.greenapiQr,
      });
    }
    if (target.provider === 'greenapi' && method === 'pairingCode') {
      return new GreenApiPairingDriver({ channel, api: clients.greenapiInstance(target.credentials), wait, now, log, options: deps.tuning?.pairing });
    }
    throw new AppError('invalid_input', `This account’s provider does not offer the ${method} authorization.`, { provider: target.provider });
  };

  const greenapi = async (target: AuthTarget, what: string): Promise<GreenApiTarget> =>
    requireProvider(await resolveTarget(accounts, clients, target), 'greenapi', what);
  const chatpush = async (target: AuthTarget, what: string): Promise<ChatpushTarget> =>
    requireProvider(await resolveTarget(accounts, clients, target), 'chatpush', what);

  return {
    registry,
    wizard: createProvisioningWizard({ accounts, clients, store: deps.store, jobs: deps.jobs, wait, ...(deps.tuning?.wizardWaitMs ? { waitLimitMs: deps.tuning.wizardWaitMs } : {}) }),

    instances: (accountId: string) => listAuthInstances(accounts, clients, accountId),

    async start(target: AuthTarget, method: AuthSessionMethod) {
      const resolved = await resolveTarget(accounts, clients, target);
      if (!authMethodsOf(PROVIDER_CAPABILITIES[resolved.provider]).includes(method)) {
        throw new AppError('invalid_input', `This account’s provider does not offer the ${method} authorization.`, { provider: resolved.provider });
      }
      return registry.open(target, method, driverFor(resolved, method));
    },

    stop: (sessionId: string) => registry.close(sessionId, 'stopped'),
    stopAll: () => registry.closeAll(),

    renew: (sessionId: string) => registry.step(sessionId, (driver) => driver.renew()),

    interrupt: (sessionId: string) =>
      registry.step(sessionId, (driver) => {
        if (!driver.interrupt) throw new AppError('invalid_input', 'Only a Chategy/Jetapi WhatsApp QR session can be interrupted.');
        return driver.interrupt();
      }),

    requestPairingCode: (sessionId: string, phone: string) =>
      registry.step(sessionId, (driver) => {
        if (!driver.requestCode) throw new AppError('invalid_input', 'This session does not take a pairing code.');
        return driver.requestCode(phone);
      }),

    telegram: (sessionId: string, command: TelegramCommandName, value: string | undefined) =>
      registry.step(sessionId, (driver) => {
        if (!driver.command) throw new AppError('invalid_input', 'This session is not a Telegram login.');
        return driver.command(command, value);
      }),

    /** §2.6. Sessions waiting on this instance ("already logged in") start over once it is free. */
    async logout(target: AuthTarget) {
      const resolved = await greenapi(target, 'Logging out');
      const { isLogout } = await clients.greenapiInstance(resolved.credentials).logout();
      if (!isLogout) throw refusal('logout', 'GREEN-API did not log the instance out (isLogout: false). Wait a minute and try again.');
      await Promise.all(registry.idsFor(target).map((id) => registry.get(id).driver.renew()));
    },

    /** §2.5 */
    async reboot(target: AuthTarget) {
      const resolved = await greenapi(target, 'Rebooting');
      const { isReboot } = await clients.greenapiInstance(resolved.credentials).reboot();
      if (!isReboot) throw refusal('reboot', 'GREEN-API did not reboot the instance (isReboot: false). Wait a minute and try again.');
    },

    /** §4.4: MAX takes the phone, then the SMS code; close_session resets. */
    async max(target: AuthTarget, step: 'sendPhone' | 'sendCode' | 'closeSession', value?: string) {
      const resolved = await chatpush(target, 'MAX authorization');
      const api = clients.chatpushCustomer(resolved.account, resolved.token);
      if (step === 'sendPhone') await api.maxSendPhone((value ?? '').replace(/\D/g, ''));
      else if (step === 'sendCode') await api.maxSendCode((value ?? '').trim());
      else await api.maxCloseSession();
    },

    /** §4.3 */
    async telegramBot(target: AuthTarget, bot: { botToken: string; menuTitle?: string | undefined; menuLink?: string | undefined }) {
      const resolved = await chatpush(target, 'Telegram bot authorization');
      const instanceId = await chatpushInstanceId(clients, resolved);
      const result = await clients.chatpushDeveloper(resolved.account).authorizeTelegramBot({
        instanceId,
        apiToken: bot.botToken,
        ...(bot.menuTitle ? { menuTitle: bot.menuTitle } : {}),
        ...(bot.menuLink ? { menuLink: bot.menuLink } : {}),
      });
      return { accountId: target.accountId, botLink: result.botLink, status: result.status, menuTitle: result.menuTitle, menuLink: result.menuLink };
    },

    resolve: (target: AuthTarget) => resolveTarget(accounts, clients, target),

    dispose: () => registry.closeAll(),
  };
}
export type AuthorizationService = ReturnType<typeof createAuthorizationService>;

function refusal(operation: string, message: string) {
  return new AppError('provider_error', message, { provider: 'greenapi', operation });
}
