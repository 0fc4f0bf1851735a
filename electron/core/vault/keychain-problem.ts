import type { KeychainProblem } from '../../../shared/vault';

type Kind = KeychainProblem['kind'];

/** The English of each kind: the fallback the renderer shows for a kind it does not know, and what logs show. */
const ENGLISH: Record<Kind, (keychainName: string, detail: string) => string> = {
  no_session_bus: () => 'No D-Bus session bus was found, so no Secret Service could be asked for a key (is this a desktop session?).',
  no_secret_service: () => 'No Secret Service answered on D-Bus (is GNOME Keyring or KWallet running?).',
  locked: (name) =>
    `${name} is locked or has no default keyring, and it could not be unlocked (no unlock prompt could be shown, or it was dismissed).`,
  timeout: (name) => `${name} did not answer in time.`,
  refused: (name, detail) => `${name} refused the request (${detail || 'no reason given'}).`,
  key_not_returned: (name) => `${name} accepted the vault key but did not give it back.`,
  keytar_missing: () => 'The keychain module (keytar) is not installed in this build, so the system keychain cannot be used.',
  keytar_unloadable: () =>
    'The keychain module (keytar) could not be loaded (it was probably built for another version of Node or Electron), so the system keychain cannot be used.',
  keytar_unrecognised: () => 'The keychain module (keytar) loaded but does not look like keytar, so the system keychain cannot be used.',
  unusable: (name) => `${name} could not be used.`,
};

/** A keychain problem of one kind, with its English sentence; `detail` is the keychain's own words (refused). */
export function keychainProblem(kind: Kind, keychainName: string, detail?: string): KeychainProblem {
  return { kind, ...(detail !== undefined ? { detail } : {}), message: ENGLISH[kind](keychainName, detail ?? '') };
}

/**
 * Turns a keychain failure into a problem a user can act on. Shared by the start-up probe (glue/keychain.ts)
 * and the vault, which meets the same failures later (a probe can pass while writing is refused).
 *
 * The patterns are the messages libsecret, D-Bus and gnome-keyring actually produce through keytar.
 */
export function describeKeychainFailure(keychainName: string, error: unknown): KeychainProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|session bus|Failed to connect to socket|Could not connect/i.test(message)) {
    return keychainProblem('no_session_bus', keychainName);
  }
  if (/org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files|NameHasNoOwner/i.test(message)) {
    return keychainProblem('no_secret_service', keychainName);
  }
  if (/locked|collection|prompt|dismiss|cancel/i.test(message)) return keychainProblem('locked', keychainName);
  if (/timed out|did not answer/i.test(message)) return keychainProblem('timeout', keychainName);
  // Keychain errors name services and D-Bus paths, never the stored values; cut long ones so the sentence stays readable.
  return keychainProblem('refused', keychainName, message.length > 160 ? `${message.slice(0, 157)}...` : message);
}
