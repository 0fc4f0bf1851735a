import { isChatId } from '../../providers/greenapi/chat-id';

/**
 * Request validation that answers the way GREEN-API's validator words it (specs/greenapi.md §8.3 "Validation
 * failed"): `'x' is required`, `'x' must be a string`, `'x' is not allowed`… prefixed `Validation failed. Details: `.
 */
export interface FieldRule {
  type: 'string' | 'boolean' | 'integer' | 'number';
  required?: boolean;
  /** Strings: `'x' is not allowed to be empty`. */
  notEmpty?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  oneOf?: readonly string[];
  /** A format check with the document's own message. */
  format?: { test: (value: string) => boolean; message: string };
}

export type BodyRules = Record<string, FieldRule>;

/** §8.3: the chatId format message, word for word (including its missing closing quote). */
export const CHAT_ID_RULE: FieldRule = {
  type: 'string',
  required: true,
  notEmpty: true,
  format: { test: isChatId, message: "'chatId' must be one of the next formats: 'phone_number@c.us' or 'group_id@g.us" },
};

export const GENERIC_VALIDATION = 'Bad Request Validation failed';

/** The first problem of a JSON body, or undefined when it passes. */
export function validateBody(body: unknown, rules: BodyRules): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return GENERIC_VALIDATION;
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!(key in rules)) return details(`'${key}' is not allowed`);
  for (const [key, rule] of Object.entries(rules)) {
    const problem = checkField(key, record[key], rule);
    if (problem) return details(problem);
  }
  return undefined;
}

function details(problem: string): string {
  return `Validation failed. Details: ${problem}`;
}

function checkField(key: string, value: unknown, rule: FieldRule): string | undefined {
  if (value === undefined) return rule.required ? `'${key}' is required` : undefined;
  switch (rule.type) {
    case 'string':
      if (typeof value !== 'string') return `'${key}' must be a string`;
      if (rule.notEmpty && value === '') return `'${key}' is not allowed to be empty`;
      if (rule.maxLength !== undefined && value.length > rule.maxLength) {
        return `'${key}' length must be less than or equal to ${rule.maxLength} characters long`;
      }
      if (rule.oneOf && !rule.oneOf.includes(value)) return `'${key}' must be one of [${rule.oneOf.join(', ')}]`;
      if (rule.format && !rule.format.test(value)) return rule.format.message;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `'${key}' must be a boolean`;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `'${key}' must be a number`;
      if (rule.type === 'integer' && !Number.isInteger(value)) return `'${key}' must be an integer`;
      if (rule.min !== undefined && value < rule.min) return `'${key}' must be greater than or equal to ${rule.min}`;
      if (rule.max !== undefined && value > rule.max) return `'${key}' must be less than or equal to ${rule.max}`;
      return undefined;
  }
}

/** §8.3 "Unexpected token _ in JSON at position XX", or the parsed body. */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: text.trim() === '' ? undefined : JSON.parse(text) };
  } catch (error) {
    // V8 names the position in some messages and only the token in others.
    const said = String((error as Error).message);
    const token = /Unexpected token '(.)'/.exec(said)?.[1];
    const position = Number(/position (\d+)/.exec(said)?.[1] ?? (token ? text.indexOf(token) : text.length));
    return { ok: false, message: `Unexpected token ${text.charAt(position) || 'end'} in JSON at position ${position}` };
  }
}
