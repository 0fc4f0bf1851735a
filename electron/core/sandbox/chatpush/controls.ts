import type { SandboxContext } from '../clock';
import type { ChatpushWorld } from './world';

/**
 * What tests and the demo can do to the simulated Chatpush world beyond plain state edits (scan a QR, move a
 * delivery on, seed instances…). Each control changes the world the way the real service would.
 */
export function createChatpushControls(_world: ChatpushWorld, _context: SandboxContext) {
  return {};
}
export type ChatpushControls = ReturnType<typeof createChatpushControls>;
