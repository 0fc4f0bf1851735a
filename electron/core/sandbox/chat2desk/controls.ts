import type { SandboxContext } from '../clock';
import type { Chat2DeskWorld } from './world';

/**
 * What tests and the demo can do to the simulated Chat2Desk world beyond plain state edits (scan a QR, move a
 * delivery on, seed instances…). Each control changes the world the way the real service would.
 */
export function createChat2DeskControls(_world: Chat2DeskWorld, _context: SandboxContext) {
  return {};
}
export type Chat2DeskControls = ReturnType<typeof createChat2DeskControls>;
