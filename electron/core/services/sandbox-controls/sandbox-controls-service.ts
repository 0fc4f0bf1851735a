import type { ProviderId } from '../../../../shared/providers';
import { ProviderIdSchema } from '../../../../shared/providers';
import {
  clockAdvanceMs,
  type SandboxControlsStatus,
  type SandboxFault,
} from '../../../../shared/sandbox-controls';
import type { z } from 'zod';
import type {
  AdvanceClockSchema,
  ClearFaultsSchema,
  InjectFaultSchema,
  SeedInstancesSchema,
  SetBalanceSchema,
  SetWhatsappStateSchema,
} from '../../../../shared/sandbox-controls';
import { AppError } from '../../app-error';
import type { Fault, Sandbox } from '../../sandbox';

type Input<S extends z.ZodType> = z.output<S>;

/** The operation every refusal names, so the panel words it as the sandbox's and not a provider's. */
export const SANDBOX_CONTROLS_OPERATION = 'sandboxControls';

/**
 * The demo workspace's controls over the built-in sandbox: thin calls into the sandbox's own controls
 * (sandbox.controls, clock, faults), so the demo and the tests move the same simulators the same way. Nothing here
 * reaches a real provider: the only thing acted on is the in-process sandbox, and only once it runs.
 */
export function createSandboxControlsService(deps: {
  /** The running sandbox, or null when there is none to act on (no demo workspace, no sandbox account). */
  sandbox: () => Promise<Sandbox> | null;
}) {
  const running = async (): Promise<Sandbox> => {
    const sandbox = deps.sandbox();
    if (!sandbox) {
      throw new AppError('conflict', 'The built-in sandbox is not running: start the demo workspace first.', { operation: SANDBOX_CONTROLS_OPERATION });
    }
    return sandbox;
  };
  const status = (sandbox: Sandbox): SandboxControlsStatus => ({
    now: sandbox.clock.date().toISOString(),
    pendingFaults: Object.fromEntries(ProviderIdSchema.options.map((provider) => [provider, sandbox.faults.list(provider).length])) as Record<
      ProviderId,
      number
    >,
  });
  const missing = (what: string) => new AppError('not_found', `The sandbox has no ${what}.`, { operation: SANDBOX_CONTROLS_OPERATION });
  const chatpushInstance = (sandbox: Sandbox, customerId: number) => {
    const record = sandbox.state.chatpush.instances.find((instance) => instance.customerId === customerId);
    if (!record) throw missing(`Chategy/Jetapi instance with customer id ${customerId}`);
    return record;
  };

  return {
    async status(): Promise<SandboxControlsStatus> {
      return status(await running());
    },

    async advanceClock({ amount, unit }: Input<typeof AdvanceClockSchema>): Promise<SandboxControlsStatus> {
      const sandbox = await running();
      sandbox.clock.advance(clockAdvanceMs(amount, unit));
      return status(sandbox);
    },

    async setBalance(input: Input<typeof SetBalanceSchema>): Promise<SandboxControlsStatus> {
      const sandbox = await running();
      if (input.provider === 'chatpush') {
        if (input.customerId !== undefined) chatpushInstance(sandbox, input.customerId);
        sandbox.controls.chatpush.setBalance(input.customerId ?? 'developer', input.amount);
      } else {
        sandbox.controls.chat2desk.setApiCalls({ leftFreeRequests: input.leftFreeRequests, leftPaidRequests: input.leftPaidRequests });
      }
      return status(sandbox);
    },

    async seedInstances({ count }: Input<typeof SeedInstancesSchema>): Promise<{ added: number }> {
      const sandbox = await running();
      return { added: sandbox.controls.chatpush.seedInstances(count, { externalIdPrefix: 'demo-seeded-' }).length };
    },

    async injectFault({ provider, fault, times, retryAfterSeconds }: Input<typeof InjectFaultSchema>): Promise<SandboxControlsStatus> {
      const sandbox = await running();
      sandbox.faults.inject(provider, { ...FAULTS[fault](retryAfterSeconds), times });
      return status(sandbox);
    },

    async clearFaults({ provider }: Input<typeof ClearFaultsSchema>): Promise<SandboxControlsStatus> {
      const sandbox = await running();
      sandbox.faults.clear(provider);
      return status(sandbox);
    },

    async setWhatsappState(input: Input<typeof SetWhatsappStateSchema>): Promise<SandboxControlsStatus> {
      const sandbox = await running();
      if (input.provider === 'chatpush') {
        const record = chatpushInstance(sandbox, input.customerId);
        sandbox.controls.chatpush.setInstanceState(input.customerId, { whatsapp: input.linked ? { phone: record.phone } : 'logged_out' });
      } else {
        if (!sandbox.state.greenapi.instances.some((instance) => instance.idInstance === input.idInstance)) {
          throw missing(`GREEN-API instance ${input.idInstance}`);
        }
        sandbox.controls.greenapi.setState(input.idInstance, input.linked ? 'authorized' : 'notAuthorized');
      }
      return status(sandbox);
    },
  };
}
export type SandboxControlsService = ReturnType<typeof createSandboxControlsService>;

/** The short list the panel offers, as the sandbox's fault effects (faults.ts). */
const FAULTS: Record<SandboxFault, (retryAfterSeconds: number) => Fault> = {
  status500: () => ({ kind: 'status', status: 500 }),
  html502: () => ({ kind: 'html', status: 502 }),
  rateLimited: (retryAfter) => ({ kind: 'status', status: 429, retryAfter }),
  timeout: () => ({ kind: 'timeout' }),
  reset: () => ({ kind: 'reset' }),
};
