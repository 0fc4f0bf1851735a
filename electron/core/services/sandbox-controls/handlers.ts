import type { Handlers } from '../../bridge/dispatcher';
import type { sandboxCalls } from '../../../../shared/calls/sandbox';
import type { SandboxControlsService } from './sandbox-controls-service';

type SandboxControlCall = keyof typeof sandboxCalls;

export function createSandboxControlsHandlers(service: SandboxControlsService): Pick<Handlers, SandboxControlCall> {
  return {
    'sandbox.controlsStatus': () => service.status(),
    'sandbox.advanceClock': (input) => service.advanceClock(input),
    'sandbox.setBalance': (input) => service.setBalance(input),
    'sandbox.seedInstances': (input) => service.seedInstances(input),
    'sandbox.injectFault': (input) => service.injectFault(input),
    'sandbox.clearFaults': (input) => service.clearFaults(input),
    'sandbox.setWhatsappState': (input) => service.setWhatsappState(input),
  };
}
