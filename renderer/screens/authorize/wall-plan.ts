import type { AuthInstance } from '../../../shared/auth';
import type { AppErrorShape } from '../../../shared/errors';

/**
 * Live sessions one wall runs at once. Each tile holds a provider socket and redraws a code every half minute;
 * past a few dozen no one can scan them in time anyway, and "select all" on the fleet must not open thousands.
 */
export const MAX_WALL_TILES = 24;

/** One instance on the wall, with what its tile needs to know about its account. */
export interface WallTile {
  instance: AuthInstance;
  accountName: string;
  /** The account points at the built-in sandbox: the tile offers "Simulate scan". */
  sandbox: boolean;
}

/**
 * Why a selected instance has no tile: its account's provider has no QR login (`noQr`), WhatsApp is already
 * linked (`linked`), the account no longer lists it (`notFound`), the account's list could not be read
 * (`listFailed`, with the error), or the wall is full (`wallFull`).
 */
export type WallSkipReason = 'noQr' | 'linked' | 'notFound' | 'listFailed' | 'wallFull';
export const WALL_SKIP_REASONS: readonly WallSkipReason[] = ['linked', 'noQr', 'wallFull', 'notFound', 'listFailed'];

export interface WallSkip {
  /** Unique on the wall: `<accountId>/<id>`. */
  key: string;
  accountName: string;
  /** The instance as the Authorize list knows it, when it was found there (it names it best). */
  instance: AuthInstance | null;
  /** The id the selection carried, for naming an instance that was not found. */
  instanceId: string;
  reason: WallSkipReason;
  error: AppErrorShape | null;
}

export interface WallPlan {
  tiles: WallTile[];
  skipped: WallSkip[];
}

export const targetKey = (instance: AuthInstance) => `${instance.target.accountId}/${instance.target.instance}`;

/** Why this instance cannot go on the wall, or null when it can; the account's capabilities already decided `methods`. */
function skipReason(instance: AuthInstance): WallSkipReason | null {
  if (!instance.methods.includes('qr')) return 'noQr';
  if (instance.whatsapp === 'authorized') return 'linked';
  return null;
}

/**
 * Splits the chosen instances into tiles and the ones left off with their reason, in the order they were chosen.
 * `skipped` are the ones already left off before (not found, their account unreadable).
 */
export function planWall(chosen: readonly WallTile[], skipped: readonly WallSkip[] = []): WallPlan {
  const tiles: WallTile[] = [];
  const left: WallSkip[] = [...skipped];
  for (const candidate of chosen) {
    const reason = skipReason(candidate.instance) ?? (tiles.length >= MAX_WALL_TILES ? 'wallFull' : null);
    if (reason) {
      const { instance, accountName } = candidate;
      left.push({ key: targetKey(instance), accountName, instance, instanceId: instance.target.instance, reason, error: null });
    } else tiles.push(candidate);
  }
  return { tiles, skipped: left };
}
