import type { VaultMode } from './types';
import { sealCheck, sha256Hex, type Box, type ScryptParams } from './crypto';
import type { VaultDocument } from './vault-file';

/**
 * The header is everything but the entries: format version, mode, kdf settings, check value.
 *
 * Two protections, for two different questions:
 * - the check value is sealed with the header (minus itself) as AAD, so an edited header can never be used to
 *   open the vault with a key it was not made with;
 * - `headerDigest`, an unkeyed sha256 of the header, answers "was this edited?" before any key is tried. Without
 *   it, an edited salt or N would look exactly like a wrong passphrase and the user would be told to retype a
 *   passphrase that is in fact right. It stops accidents and naive edits, not an attacker who recomputes it, and
 *   that is fine: such an attacker only gets a vault that does not open, which deleting the file gives them too.
 */

export type Header = Pick<VaultDocument, 'version' | 'mode' | 'kdf' | 'check' | 'headerDigest'>;
type Kdf = NonNullable<VaultDocument['kdf']>;

// Arrays, not objects, so key order can never change the bytes.
const kdfTuple = (kdf: Kdf | undefined) => (kdf ? [kdf.salt, kdf.N, kdf.r, kdf.p] : null);
export const headerAad = (h: Pick<Header, 'version' | 'mode' | 'kdf'>) =>
  JSON.stringify(['switchboard-vault-header', h.version, h.mode, kdfTuple(h.kdf)]);
const digestOf = (h: Pick<Header, 'version' | 'mode' | 'kdf' | 'check'>) =>
  sha256Hex(JSON.stringify([headerAad(h), h.check ? [h.check.iv, h.check.tag, h.check.data] : null]));

/** A new header for a key: seals the check and computes the digest. */
export function buildHeader(mode: VaultMode, key: Buffer, kdf?: { salt: Buffer } & ScryptParams): Header {
  const base = {
    version: 1 as const,
    mode,
    kdf: kdf && { salt: kdf.salt.toString('base64'), N: kdf.N, r: kdf.r, p: kdf.p },
  };
  const check: Box = sealCheck(key, headerAad(base));
  return { ...base, check, headerDigest: digestOf({ ...base, check }) };
}

/** What is wrong with a header read from disk, in words for the user; null when it is intact. */
export function headerProblem(h: Header): string | null {
  if (h.mode === 'passphrase' && !h.kdf) return 'its mode says passphrase but the key-derivation settings are missing';
  if (h.mode === 'keychain' && h.kdf) return 'its mode says keychain but it carries passphrase settings';
  if (!h.check) return 'its check value is missing';
  if (!h.headerDigest || h.headerDigest !== digestOf(h)) return 'its header (mode, key-derivation settings or check value) was edited';
  if (h.kdf && !scryptParamsAreSane(h.kdf)) return 'its key-derivation settings are outside the range Switchboard writes';
  return null;
}

/**
 * Bounds on what we would ever write. They matter only after the digest passed, i.e. for a deliberate edit:
 * a huge N would make unlock allocate gigabytes.
 */
function scryptParamsAreSane(kdf: Kdf): boolean {
  const powerOfTwo = kdf.N >= 2 && (kdf.N & (kdf.N - 1)) === 0;
  return (
    powerOfTwo &&
    kdf.N <= 2 ** 20 &&
    kdf.r >= 1 &&
    kdf.r <= 32 &&
    kdf.p >= 1 &&
    kdf.p <= 16 &&
    128 * kdf.N * kdf.r * kdf.p <= 1024 ** 3 &&
    Buffer.from(kdf.salt, 'base64').length >= 16
  );
}
