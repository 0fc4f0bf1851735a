import type { AppErrorShape, ErrorCode } from '../../shared/errors';

type Details = NonNullable<AppErrorShape['details']>;

/**
 * The one error type core code throws on purpose. Its message must be safe to show to the user and must never
 * contain a secret: build it from codes, hosts and provider messages, never from request URLs or headers.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Details = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return Object.keys(this.details).length
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** Anything thrown, as a shape the bridge can carry. Unknown errors are not described: their text may hold secrets. */
export function toAppErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  return { code: 'internal', message: 'Something went wrong inside Switchboard. The details are in the log.' };
}
