import type { AuthTarget } from '../../../../shared/auth';
import { AppError } from '../../app-error';
import type { Sandbox } from '../../sandbox';
import type { ResolvedTarget } from './targets';

/**
 * The phone's side of an authorization, for sandbox accounts only: the demo workspace (whose sandbox the user
 * cannot reach otherwise) offers "Simulate scan". A real account is refused, never silently ignored.
 */
export function createSandboxAuth(deps: { resolve: (target: AuthTarget) => Promise<ResolvedTarget>; sandbox: () => Promise<Sandbox> }) {
  const sandboxTarget = async (target: AuthTarget) => {
    const resolved = await deps.resolve(target);
    if (!resolved.sandbox) {
      throw new AppError('forbidden', 'Simulated scans work only for sandbox (demo) accounts. Scan the code with the phone instead.');
    }
    return { resolved, controls: (await deps.sandbox()).controls };
  };
  // The simulator's own refusals ("shows no QR code in state authorized") are plain sentences without secrets.
  const asConflict = (error: unknown) =>
    new AppError('conflict', error instanceof Error ? error.message : 'The sandbox refused the simulated action.', { operation: 'sandbox' });

  return {
    async scanQr(target: AuthTarget): Promise<void> {
      const { resolved, controls } = await sandboxTarget(target);
      try {
        if (resolved.provider === 'chatpush') controls.chatpush.scanQr(resolved.customerId);
        else controls.greenapi.scanQr(resolved.credentials.idInstance);
      } catch (error) {
        throw asConflict(error);
      }
    },

    async enterPairingCode(target: AuthTarget): Promise<void> {
      const { resolved, controls } = await sandboxTarget(target);
      if (resolved.provider !== 'greenapi') throw new AppError('invalid_input', 'Pairing codes exist only for GREEN-API instances.');
      if (!controls.greenapi.enterPairingCode(resolved.credentials.idInstance)) {
        throw new AppError('conflict', 'The sandbox has no valid pairing code for this instance: request a code first, or a new one if it expired.', { operation: 'sandbox' });
      }
    },

    async authCodes(target: AuthTarget): Promise<{ telegramCode: string | null; maxCode: string | null }> {
      const { resolved, controls } = await sandboxTarget(target);
      if (resolved.provider !== 'chatpush') return { telegramCode: null, maxCode: null };
      return { telegramCode: controls.chatpush.telegramCode(resolved.customerId), maxCode: controls.chatpush.maxCode(resolved.customerId) ?? null };
    },
  };
}
