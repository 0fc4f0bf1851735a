import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * Reads an append-only JSON-lines file (audit log, balance snapshots). A line that does not parse or does not fit
 * the schema — a write torn by a crash, a line from a newer version — is skipped, never rewritten.
 */
export function readJsonLines<S extends z.ZodType>(file: string, schema: S): z.output<S>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      if (!line.trim()) return [];
      try {
        const parsed = schema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
}
