import type { z } from 'zod';
import { calls, type CallName, type CallOutput, type Calls } from '../../../shared/contract';
import type { AppErrorShape, FieldIssue, Result } from '../../../shared/errors';
import { fieldIssueOf } from '../../../shared/field-problems';
import { toAppErrorShape } from '../app-error';
import { auditTarget, type AuditLog } from '../audit/audit-log';
import type { Logger } from '../log';
import type { Redactor } from '../redactor';

/** One handler per contract call; inputs arrive already parsed by the call's schema. */
export type Handlers = {
  [K in CallName]: (input: z.output<Calls[K]['input']>) => Promise<CallOutput<K>> | CallOutput<K>;
};

/** Whether the caller may use the bridge at all, decided by the transport (IPC frame check, web token check). */
export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

export type Dispatch = (name: string, input: unknown, sender: SenderVerdict) => Promise<Result<unknown>>;

const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error });

/**
 * The single wrapper every call goes through, whatever the transport: it refuses untrusted senders and unknown
 * names, validates the input, runs the handler, re-parses the output (which also strips any field the schema
 * does not declare, so nothing extra can leak to the renderer), turns every failure into a typed error, and
 * writes calls marked `audit` to the audit log with their target and outcome.
 */
export function createDispatcher(
  handlers: Handlers,
  deps: {
    log: Logger;
    redactor: Redactor;
    audit?: AuditLog;
    /** The display name of an audited target, looked up before the call (a removed account still has its name). */
    nameOf?: (target: string) => string | null;
  },
): Dispatch {
  return async (name, input, sender) => {
    if (!sender.trusted) {
      deps.log.warn('bridge call refused', { call: name, reason: sender.reason });
      return fail({ code: 'forbidden_sender', message: 'This window is not allowed to talk to Switchboard.' });
    }
    if (!Object.hasOwn(calls, name)) {
      return fail({ code: 'unknown_call', message: `There is no call named "${name.slice(0, 80)}".` });
    }
    const key = name as CallName;
    const parsed = calls[key].input.safeParse(input);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => redactIssue(fieldIssueOf(issue, { input }), deps.redactor));
      return fail({ code: 'invalid_input', message: 'Some fields need attention.', details: { call: key, fields } });
    }
    const before = calls[key].audit ? auditTarget(parsed.data, null) : null;
    const nameBefore = before?.target ? (deps.nameOf?.(before.target) ?? null) : null;
    const audit = (output: unknown, error: AppErrorShape | null) => {
      if (!calls[key].audit || !deps.audit) return;
      const target = auditTarget(parsed.data, output);
      deps.audit.append({
        call: key,
        target: target.target,
        targetName: target.targetName ?? nameBefore,
        result: error?.code ?? 'ok',
        message: error?.message ?? null,
      });
    };
    try {
      const value = await (handlers[key] as (input: unknown) => unknown)(parsed.data);
      const output = calls[key].output.safeParse(value);
      if (!output.success) {
        deps.log.error('handler returned a value outside its schema', { call: key, issues: output.error.issues.length });
        const shape = toAppErrorShape(null);
        audit(null, shape);
        return fail(shape);
      }
      audit(output.data, null);
      return { ok: true, value: output.data };
    } catch (error) {
      const shape = toAppErrorShape(error);
      if (shape.code === 'internal') {
        deps.log.error('bridge call failed', { call: key, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      }
      const safe = { ...shape, message: deps.redactor.redact(shape.message) };
      audit(null, safe);
      return fail(safe);
    }
  };
}

/** A message or param could quote what was typed (a refinement's wording, unrecognised key names): no secret leaves. */
function redactIssue(issue: FieldIssue, redactor: Redactor): FieldIssue {
  const params = issue.params
    ? Object.fromEntries(Object.entries(issue.params).map(([name, value]) => [name, typeof value === 'string' ? redactor.redact(value) : value]))
    : undefined;
  return { ...issue, message: redactor.redact(issue.message), ...(params ? { params } : {}) };
}
