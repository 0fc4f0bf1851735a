import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';

/**
 * The vault's cryptography, and nothing else: AES-256-GCM boxes and the scrypt key derivation.
 * No I/O, no state; every function takes the key it needs.
 */

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One encrypted value as it sits in the file (all base64). */
export interface Box {
  iv: string;
  tag: string;
  data: string;
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** scrypt's recommended interactive cost for 2024-era hardware: ~0.3 s and 128 MiB. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Thrown when a box does not open: wrong key, edited bytes, or a box moved to another id. */
export class BoxOpenError extends Error {
  constructor() {
    super('The encrypted value failed its integrity check.');
    this.name = 'BoxOpenError';
  }
}

export const generateKey = (): Buffer => randomBytes(KEY_BYTES);
export const generateSalt = (): Buffer => randomBytes(16);

/** The AAD that binds an entry to its id, so a box copied under another id does not open. */
export const entryAad = (id: string) => `switchboard-vault/v1/entry/${id}`;

export function seal(key: Buffer, plaintext: string, aad: string): Box {
  // A fresh random IV per box: with 96-bit IVs and the few hundred writes a vault sees, collisions are not a concern.
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function open(key: Buffer, box: Box, aad: string): string {
  const iv = Buffer.from(box.iv, 'base64');
  const tag = Buffer.from(box.tag, 'base64');
  // Node accepts shorter tags and other IV sizes; a box that was cut short is an edited box.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new BoxOpenError();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new BoxOpenError();
  }
}

const CHECK_PLAINTEXT = 'switchboard-vault-check';

/**
 * The check value: a known plaintext sealed under the key, with the header as AAD. It opening proves the key is the
 * right one (wrong passphrase, or another machine's keychain key, fails here) before any entry is tried.
 */
export const sealCheck = (key: Buffer, headerAad: string): Box => seal(key, CHECK_PLAINTEXT, headerAad);

export function checkOpens(key: Buffer, check: Box, headerAad: string): boolean {
  try {
    // GCM already authenticated the text; comparing it guards against a check sealed over some other plaintext.
    return open(key, check, headerAad) === CHECK_PLAINTEXT;
  } catch {
    return false;
  }
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** scrypt's memory need is about 128·N·r·p bytes; Node refuses above `maxmem` (32 MiB by default), so it is raised to fit. */
export function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    // The async form runs on libuv's pool, so the main process stays responsive during the ~0.3 s derivation.
    // NFC: the same passphrase typed through different input methods must give the same key.
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
