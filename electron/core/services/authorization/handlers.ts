import type { Handlers } from '../../bridge/dispatcher';
import type { Sandbox } from '../../sandbox';
import type { AuthorizationService } from './authorization-service';
import { createSandboxAuth } from './sandbox-auth';

type AuthCall =
  | 'auth.instances'
  | 'auth.start'
  | 'auth.stop'
  | 'auth.stopAll'
  | 'auth.renew'
  | 'auth.interrupt'
  | 'auth.requestPairingCode'
  | 'auth.telegram'
  | 'auth.logout'
  | 'auth.reboot'
  | 'auth.max'
  | 'auth.telegramBot'
  | 'auth.wizard'
  | 'auth.wizardCreate'
  | 'auth.wizardAddExisting'
  | 'auth.wizardWait'
  | 'auth.wizardRecommended'
  | 'auth.wizardApplySettings'
  | 'auth.wizardAdvance'
  | 'auth.wizardDiscard'
  | 'sandbox.scanQr'
  | 'sandbox.enterPairingCode'
  | 'sandbox.authCodes';

const done = { done: true as const };

/** The authorization calls of the contract, over the authorization service. */
export function createAuthorizationHandlers(service: AuthorizationService, sandbox: () => Promise<Sandbox>): Pick<Handlers, AuthCall> {
  const simulated = createSandboxAuth({ resolve: service.resolve, sandbox });
  return {
    'auth.instances': ({ accountId }) => service.instances(accountId),
    'auth.start': ({ accountId, instance, method }) => service.start({ accountId, instance }, method),
    'auth.stop': async ({ sessionId }) => (await service.stop(sessionId), done),
    'auth.stopAll': async () => (await service.stopAll(), done),
    'auth.renew': ({ sessionId }) => service.renew(sessionId),
    'auth.interrupt': ({ sessionId }) => service.interrupt(sessionId),
    'auth.requestPairingCode': ({ sessionId, phone }) => service.requestPairingCode(sessionId, phone),
    'auth.telegram': ({ sessionId, command, value }) => service.telegram(sessionId, command, value),
    'auth.logout': async ({ accountId, instance }) => (await service.logout({ accountId, instance }), done),
    'auth.reboot': async ({ accountId, instance }) => (await service.reboot({ accountId, instance }), done),
    'auth.max': async (input) => (await service.max({ accountId: input.accountId, instance: input.instance }, input.step, 'value' in input ? input.value : undefined), done),
    'auth.telegramBot': ({ accountId, instance, bot }) => service.telegramBot({ accountId, instance }, bot),
    'auth.wizard': () => service.wizard.get(),
    'auth.wizardCreate': ({ accountId, form }) => service.wizard.create(accountId, form),
    'auth.wizardAddExisting': (input) => service.wizard.addExisting(input),
    'auth.wizardWait': () => service.wizard.wait(),
    'auth.wizardRecommended': () => service.wizard.recommended(),
    'auth.wizardApplySettings': ({ webhookUrl }) => service.wizard.applySettings(webhookUrl),
    'auth.wizardAdvance': ({ from, outcome, answer }) => service.wizard.advance(from, outcome, answer),
    'auth.wizardDiscard': () => (service.wizard.discard(), done),
    'sandbox.scanQr': async (target) => (await simulated.scanQr(target), done),
    'sandbox.enterPairingCode': async (target) => (await simulated.enterPairingCode(target), done),
    'sandbox.authCodes': (target) => simulated.authCodes(target),
  };
}
