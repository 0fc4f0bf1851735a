import type { SandboxContext } from '../clock';
import { createPhoenixControls } from './phoenix/controls';
import type { ChatpushWorld } from './world';

/**
 * What tests and the demo can do to the simulated Chatpush world beyond plain state edits (scan a QR, move a
 * delivery on, seed instances…). Each control changes the world the way the real service would.
 */
export function createChatpushControls(world: ChatpushWorld, context: SandboxContext) {
  return {
    // Phoenix sockets: scanQr, failQrCreation, dropSockets, setTelegramCode… (phoenix/controls.ts).
    ...createPhoenixControls(world, context),
  };
}
export type ChatpushControls = ReturnType<typeof createChatpushControls>;
