import type { AppErrorShape } from '../../shared/errors';
import { BridgeError } from '../bridge/client';

/** Anything a call rejected with, as the typed error screens word. Bridge errors carry it; anything else is a bug. */
export function toAppError(error: unknown): AppErrorShape {
  if (error instanceof BridgeError) return error.shape;
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
