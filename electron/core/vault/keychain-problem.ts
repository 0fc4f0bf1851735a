/**
 * Turns a keychain failure into one sentence a user can act on. Shared by the start-up probe (glue/keychain.ts)
 * and the vault, which meets the same failures later (a probe can pass while writing is refused).
 *
 * The patterns are the messages libsecret, D-Bus and gnome-keyring actually produce through keytar.
 */
export function describeKeychainFailure(keychainName: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|session bus|Failed to connect to socket|Could not connect/i.test(message)) {
    return 'No D-Bus session bus was found, so no Secret Service could be asked for a key (is this a desktop session?).';
  }
  if (/org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files|NameHasNoOwner/i.test(message)) {
    return 'No Secret Service answered on D-Bus (is GNOME Keyring or KWallet running?).';
  }
  if (/locked|collection|prompt|dismiss|cancel/i.test(message)) {
    return `${keychainName} is locked or has no default keyring, and it could not be unlocked (no unlock prompt could be shown, or it was dismissed).`;
  }
  if (/timed out|did not answer/i.test(message)) return `${keychainName} did not answer in time.`;
  // Keychain errors name services and D-Bus paths, never the stored values; cut long ones so the sentence stays readable.
  const detail = message.length > 160 ? `${message.slice(0, 157)}...` : message;
  return `${keychainName} refused the request (${detail || 'no reason given'}).`;
}
