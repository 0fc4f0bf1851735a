import { create } from 'zustand';
import type { AuthTarget } from '../../../shared/auth';
import { navigateTo } from '../../shell/use-hash-route';

/** A QR wall another screen asked for: fleet row keys (`<accountId>/<instance id>`), and who to tell when it closes. */
export interface WallRequest {
  keys: readonly string[];
  /** Called once the wall is closed, with the instances linked on it. */
  onClosed?: (linked: AuthTarget[]) => void;
}

/**
 * Hand-over from another screen to the Authorize screen's QR wall. Kept in memory only: after a reload the sessions
 * it would have started are gone too, so there is nothing worth resuming.
 */
export const useWallRequest = create<{ request: WallRequest | null }>()(() => ({ request: null }));

/** Switches to the Authorize screen with a QR wall for these fleet rows. */
export function openQrWallFor(request: WallRequest): void {
  useWallRequest.setState({ request });
  navigateTo('authorize');
}
