// Types for electron-unavailable.mjs (plain JavaScript, since `npm start` runs it with plain Node).

export const RETRY_AFTER_MS: number;
export const WEB_MODE_INSTEAD: string;

export interface CannotRunReason {
  reason: string;
  fix: string;
}

export interface DownloadFailureRecord {
  version: string;
  url: string;
  cause: string;
  /** Epoch milliseconds. */
  at: number;
}

export function rootCause(error: unknown): unknown;
export function describeDownloadFailure(error: unknown, url: string): string;
export function explainDownloadFailure(input: {
  url: string;
  cause: string;
  version: string;
  remembered?: { at: number; file: string };
}): string[];
export function explainUnpackFailure(input: { version: string; status: number | null }): string[];
export function explainElectronPackageMissing(): string[];
export function missingLibraries(output: string): string[];
export function cannotRunReasons(input: {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  uid: number | undefined;
  missing: string[];
}): CannotRunReason[];
export function explainCannotRun(input: { version: string; reasons: CannotRunReason[] }): string[];
export function failureStillFresh(
  record: Partial<DownloadFailureRecord> | null | undefined,
  current: { version: string; url: string; now: number },
): boolean;
