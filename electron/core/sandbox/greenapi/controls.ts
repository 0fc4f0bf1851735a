import type { SandboxContext } from '../clock';
import type { GreenApiWorld } from './world';

/**
 * What tests and the demo can do to the simulated GreenApi world beyond plain state edits (scan a QR, move a
 * delivery on, seed instances…). Each control changes the world the way the real service would.
 */
export function createGreenApiControls(_world: GreenApiWorld, _context: SandboxContext) {
  return {};
}
export type GreenApiControls = ReturnType<typeof createGreenApiControls>;
