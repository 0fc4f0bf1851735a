import type { AccountDraft, ConnectionCheck } from '../../../../shared/accounts';
import { checkName, checkTransport, fact, runCheck, type ConnectionTestContext } from '../check-runner';
import { GreenApiInstanceApi } from './instance-api';
import { sharedGreenApiLimiter } from './rate-limiter';

type GreenApiDraft = Extract<AccountDraft, { provider: 'greenapi' }>;

/** One check per instance: getStateInstance, whose state (or `creating`) is the fact. */
export function testGreenApiConnection(draft: GreenApiDraft, ctx: ConnectionTestContext): Promise<ConnectionCheck[]> {
  const transport = checkTransport(ctx);
  return Promise.all(
    draft.instances.map((instance) =>
      ctx.limit(() =>
        runCheck(checkName('instance', 'Instance', instance.label, instance.idInstance), async () => {
          const api = new GreenApiInstanceApi(instance, transport, { limiter: sharedGreenApiLimiter });
          const { state, raw } = await api.getStateInstance();
          return [fact('state', state === 'unknown' ? (raw ?? 'unknown') : state)];
        }),
      ),
    ),
  );
}
