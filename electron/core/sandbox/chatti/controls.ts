import type { SandboxContext } from '../clock';
import type { ChattiWorld } from './world';

/**
 * What tests and the demo can do to the simulated Chatti world beyond plain state edits (scan a QR, move a
 * delivery on, seed instances…). Each control changes the world the way the real service would.
 */
export function createChattiControls(_world: ChattiWorld, _context: SandboxContext) {
  return {};
}
export type ChattiControls = ReturnType<typeof createChattiControls>;
