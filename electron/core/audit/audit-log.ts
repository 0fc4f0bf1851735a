import { appendFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { AuditEntrySchema, type AuditEntry } from '../../../shared/audit';
import { toCsv } from '../../../shared/csv';
import type { Redactor } from '../redactor';
import { readJsonLines } from '../store/json-lines';

/**
 * Append-only JSON lines. Entries are built from call names, ids, names and error codes only (never inputs),
 * and pass through the redactor on the way to disk as a second guard. A line that does not parse (a torn write
 * after a crash) is skipped when reading, never rewritten.
 */
export function createAuditLog(file: string, redactor: Redactor, actor = safeActor()) {
  const read = (): AuditEntry[] => readJsonLines(file, AuditEntrySchema);

  return {
    append(entry: Omit<AuditEntry, 'at' | 'actor'>): void {
      const full: AuditEntry = { at: new Date().toISOString(), actor, ...entry };
      appendFileSync(file, `${redactor.redact(JSON.stringify(full))}\n`, { mode: 0o600 });
    },
    /** Newest first. */
    list(limit: number, offset: number) {
      const entries = read().reverse();
      return { entries: entries.slice(offset, offset + limit), total: entries.length };
    },
    exportCsv() {
      const csv = toCsv(read(), [
        { header: 'time', value: (e) => e.at },
        { header: 'who', value: (e) => e.actor },
        { header: 'what', value: (e) => e.call },
        { header: 'target', value: (e) => e.target },
        { header: 'target name', value: (e) => e.targetName },
        { header: 'result', value: (e) => e.result },
        { header: 'message', value: (e) => e.message },
      ]);
      return { filename: `switchboard-audit-${new Date().toISOString().slice(0, 10)}.csv`, csv };
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

function safeActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The target of a change, from the few keys that name things (ids and names), never from anything else. */
export function auditTarget(input: unknown, output: unknown): { target: string | null; targetName: string | null } {
  const pick = (value: unknown, keys: string[]) => {
    if (!value || typeof value !== 'object') return null;
    for (const key of keys) {
      const found = (value as Record<string, unknown>)[key];
      if (typeof found === 'string' || typeof found === 'number') return String(found);
    }
    return null;
  };
  const ID_KEYS = ['id', 'accountId', 'existingId', 'instanceId', 'idInstance', 'customerId', 'webhookId', 'deliveryId'];
  return { target: pick(input, ID_KEYS) ?? pick(output, ID_KEYS), targetName: pick(output, ['name']) };
}
