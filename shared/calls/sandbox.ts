import { z } from 'zod';
import {
  AdvanceClockSchema,
  ClearFaultsSchema,
  InjectFaultSchema,
  SandboxControlsStatusSchema,
  SeedInstancesSchema,
  SetBalanceSchema,
  SetWhatsappStateSchema,
} from '../sandbox-controls';
import { call, Empty } from './define';

/**
 * The demo workspace's sandbox controls: they act on the built-in sandbox only (refused while it is not running) and
 * never reach a real provider. Changes are audited like any other.
 */
export const sandboxCalls = {
  'sandbox.controlsStatus': call(Empty, SandboxControlsStatusSchema),
  'sandbox.advanceClock': call(AdvanceClockSchema, SandboxControlsStatusSchema, { audit: true }),
  'sandbox.setBalance': call(SetBalanceSchema, SandboxControlsStatusSchema, { audit: true }),
  'sandbox.seedInstances': call(SeedInstancesSchema, z.object({ added: z.number().int() }), { audit: true }),
  'sandbox.injectFault': call(InjectFaultSchema, SandboxControlsStatusSchema, { audit: true }),
  'sandbox.clearFaults': call(ClearFaultsSchema, SandboxControlsStatusSchema, { audit: true }),
  'sandbox.setWhatsappState': call(SetWhatsappStateSchema, SandboxControlsStatusSchema, { audit: true }),
} as const;
