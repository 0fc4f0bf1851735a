import { z } from 'zod';
import type { FieldIssue } from './errors';

/**
 * The field problems the schemas in shared/ name themselves, by a stable code. The renderer words each code in
 * the user's language (with its params); the English here is the issue's `message`, for logs and for a renderer
 * that does not know the code. A schema refers to a code, never to the English: `.refine(filled, problem('x'))`.
 */
const FIELD_PROBLEMS = {
  required: () => 'Required',
  // Accounts
  account_name: () => 'Give the account a name',
  id_instance: () => 'idInstance is 1 to 10 digits',
  probe_path: () => 'A path starting with /',
  ws_origin: () => 'An origin such as https://crm.example.com (scheme and host, no path)',
  at_least_one_instance: () => 'Add at least one instance',
  instance_already_added: () => 'Already in this account',
  // Provider URLs (url.ts) and the addresses providers post to (webhook-url.ts)
  url_not_a_url: () => 'Not a valid URL',
  url_credentials: () => 'Remove the user name and password from the URL',
  url_insecure: (p: { secure: string; plain: string }) => `Use ${p.secure} (plain ${p.plain} is allowed only for loopback addresses)`,
  url_wrong_scheme: (p: { secure: string }) => `The URL must start with ${p.secure}`,
  webhook_url_scheme: () => 'A webhook URL starts with https:// (or http://)',
  webhook_url_or_empty: () => 'must be empty (HTTP API polling) or an http(s) URL',
  // Vault
  passphrase_length: (p: { minimum: number }) => `At least ${p.minimum} characters`,
  // Authorization
  pairing_phone_digits: () => 'Digits only: no +, spaces, dashes or brackets',
  pairing_phone_length: () => 'The full international number: 7 to 15 digits, country code first, no leading 0',
  login_phone: () => 'An international phone number, e.g. +44 1234 567890',
  bot_token: () => 'A bot token from @BotFather: digits, a colon, then letters',
  menu_link_required: () => 'is required when a menu title is set',
  menu_title_required: () => 'is required when a menu link is set',
  // Chategy/Jetapi inputs (electron/core/providers/chatpush/inputs.ts), worded as the rest of "<field> …"
  international_phone: () => 'must be an international phone number (10 to 15 digits)',
  password_letter: () => 'must contain a letter',
  password_digit: () => 'must contain a digit',
  text_required: () => 'cannot be empty',
  recipient_required: () => 'needs a phone, a Telegram username or user id, or a WhatsApp lid',
  bulk_recipients_required: () => 'needs at least one phone number or Telegram username',
  file_extension: () => 'must include the file extension',
  nothing_to_change: () => 'nothing to change',
  note_content: () => 'needs a title or a body',
  note_recipient: () => 'needs a phone, a Telegram username or a Telegram user id',
  iframe_password: () => 'is required when auth_type is 0',
  // Chat2Desk inputs
  text_or_attachment: () => 'text is required when there is no attachment',
  // Deliveries
  date_time: () => 'must be a date and time',
  schedule_window: () => 'must be between 1 minute and 1 month ahead',
  delivery_ids_required: () => 'Give at least one delivery id',
  delivery_ids_too_many: (p: { maximum: number }) => `At most ${p.maximum} ids at a time`,
  money: () => 'An amount such as 1250.50 (digits, an optional minus and a dot for decimals)',
  // GREEN-API instance settings
  send_delay_whole: () => 'must be a whole number of milliseconds',
  send_delay_min: (p: { minimum: number }) => `must be at least ${p.minimum} ms`,
  send_delay_max: (p: { maximum: number }) => `must be at most ${p.maximum} ms (24 h)`,
  copy_targets_required: () => 'choose at least one instance to copy to',
  copy_keys_required: () => 'choose at least one setting to copy',
  // Webhooks and the webhook tester
  event_types_required: () => 'Choose at least one event type',
  events_required: () => 'Choose at least one event',
  payload_required: () => 'Paste the payload',
  unknown_sample_type: () => 'there is no sample of this type',
  individual_webhooks_jetapi_only: () => 'individual (client token) webhooks are documented for Jetapi only: Chategy has developer webhooks',
  // Chatti request workbench
  path_empty: () => 'the path is empty',
  path_slash: () => 'the path must start with "/"',
  path_host: () => 'the path must not name a scheme or another host',
  path_characters: () => 'the path must not contain spaces, control characters, backslashes or "#"',
  path_credentials: () => 'the path must not carry credentials: the API key is added by Switchboard',
  query_credentials: () => 'query parameters must not carry credentials: the API key is added by Switchboard',
  get_without_body: () => 'a GET request cannot carry a body',
  // The console's network setting (network-settings.ts)
  proxy_url: () => 'An http:// or https:// proxy address, such as http://proxy.example.com:3128 (no path)',
  proxy_user_colon: () => 'A proxy user name cannot contain ":"',
  proxy_password_needs_user: () => 'Enter the user name that goes with this password',
  proxy_bypass_entry: (p: { entry: string }) => `"${p.entry}" is not a host name, domain, IP address or range`,
} satisfies Record<string, (params: never) => string>;

export type FieldProblemCode = keyof typeof FIELD_PROBLEMS;
export const FIELD_PROBLEM_CODES = Object.keys(FIELD_PROBLEMS) as FieldProblemCode[];
export const FieldProblemCodeSchema = z.enum(FIELD_PROBLEM_CODES as [FieldProblemCode, ...FieldProblemCode[]]);

type ParamsOf<C extends FieldProblemCode> = Parameters<(typeof FIELD_PROBLEMS)[C]>[0];
/** The params a code needs, as the rest of a call: none for most codes. */
type ParamArgs<C extends FieldProblemCode> = ParamsOf<C> extends undefined ? [] : [params: ParamsOf<C>];

/** The key under which a refinement's params carry the code (zod keeps `params` only on custom issues). */
const CODE_PARAM = 'fieldProblem';

/**
 * What a zod refinement (or `ctx.addIssue({ code: 'custom', … })`) takes to raise this problem: its English
 * message, and the code with its params, which fieldIssueOf reads back from the issue.
 */
export function problem<C extends FieldProblemCode>(code: C, ...args: ParamArgs<C>): { message: string; params: Record<string, string | number> } {
  const { message, params = {} } = fieldIssue('', code, ...args);
  return { message, params: { ...params, [CODE_PARAM]: code } };
}

/** A field problem found outside zod (a check main makes itself), as the bridge carries it. */
export function fieldIssue<C extends FieldProblemCode>(path: string, code: C, ...args: ParamArgs<C>): FieldIssue {
  const params = (args[0] ?? {}) as Record<string, string | number>;
  const message = (FIELD_PROBLEMS[code] as (p: unknown) => string)(params);
  return { path, message, code, ...(Object.keys(params).length ? { params } : {}) };
}

/** For `.refine(filled, problem('required'))`: a string (trimmed before, where the schema trims) or a list that is not empty. */
export const filled = (value: string | readonly unknown[]): boolean => value.length > 0;

type Param = string | number | boolean;
const isParam = (value: unknown): value is Param => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * One zod issue as the bridge carries it: the path, the English message, and a code with params the renderer
 * words. A problem from the table above keeps its own code; any other issue keeps zod's code with the figures
 * that matter (too_small: origin and minimum, invalid_format: format…). `parsed.input`, when given, is what was
 * parsed: it only tells a missing value (`received: 'undefined'`) from one of the wrong type; nothing of it is copied.
 */
export function fieldIssueOf(issue: z.core.$ZodIssue, parsed?: { input: unknown }): FieldIssue {
  const base = { path: issue.path.map(String).join('.'), message: issue.message };
  const missing = () => (parsed && valueAt(parsed.input, issue.path) === undefined ? 'undefined' : undefined);
  const withParams = (code: string, params: Record<string, Param | undefined>): FieldIssue => {
    const kept = Object.fromEntries(Object.entries(params).filter((entry): entry is [string, Param] => isParam(entry[1])));
    return { ...base, code, ...(Object.keys(kept).length ? { params: kept } : {}) };
  };
  switch (issue.code) {
    case 'custom': {
      const { [CODE_PARAM]: code, ...rest } = (issue.params ?? {}) as Record<string, unknown>;
      return withParams(typeof code === 'string' ? code : 'custom', rest as Record<string, Param | undefined>);
    }
    case 'too_small':
      return withParams(issue.code, { origin: issue.origin, minimum: Number(issue.minimum), inclusive: issue.inclusive ?? true, exact: issue.exact });
    case 'too_big':
      return withParams(issue.code, { origin: issue.origin, maximum: Number(issue.maximum), inclusive: issue.inclusive ?? true, exact: issue.exact });
    case 'invalid_type':
      return withParams(issue.code, { expected: issue.expected, received: missing() });
    case 'invalid_union':
      // A field of several accepted forms (an id as a number or a string of digits) that is simply absent.
      return withParams(issue.code, { received: missing() });
    case 'invalid_format':
      return withParams(issue.code, { format: issue.format });
    case 'invalid_value':
      return withParams(issue.code, { values: issue.values.map(String).join(', ') });
    case 'not_multiple_of':
      return withParams(issue.code, { divisor: issue.divisor });
    case 'unrecognized_keys':
      return withParams(issue.code, { keys: issue.keys.join(', ') });
    default:
      return withParams(issue.code, {});
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
