import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Redactor } from './redactor';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * JSON lines in a file, every line passed through the redactor first. Fields are serialised before redaction
 * so a secret nested in an object is caught too.
 */
export function createFileLogger(file: string, redactor: Redactor, echo = false): Logger {
  mkdirSync(dirname(file), { recursive: true });
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    const line = redactor.redact(JSON.stringify({ at: new Date().toISOString(), level, message, ...fields }));
    appendFileSync(file, `${line}\n`);
    if (echo && level !== 'debug') process.stderr.write(`${line}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
