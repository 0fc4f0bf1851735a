/**
 * The edges core needs from its host. Electron supplies them from glue/ (electron-store, keytar); web mode and
 * tests supply plain-Node versions of the same things.
 */

/** A JSON key-value store for non-secret data (electron-store in the app, `conf` in web mode). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly path: string;
}

/** keytar's surface: the OS keychain (macOS Keychain, Windows Credential Manager, libsecret). */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Pushes an event to every connected renderer (IPC in Electron, server-sent events in web mode). */
export type EventSink = (name: string, payload: unknown) => void;
