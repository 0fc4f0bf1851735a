import type { FieldIssue } from '../../shared/errors';
import { FieldProblemCodeSchema } from '../../shared/field-problems';
import type { MessageKey } from '../i18n/catalog';
import type { MessageParams, Translate } from '../i18n/translate';

type Params = NonNullable<FieldIssue['params']>;

/**
 * One field problem in the user's language, from its code and params: a code of shared/field-problems.ts has
 * its own words, zod's codes have general ones. An issue without a code this build knows (a provider's own
 * field message, a newer core) is shown as main wrote it.
 */
export function fieldIssueText(issue: FieldIssue, t: Translate): string {
  const params = issue.params ?? {};
  const words: MessageParams = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'boolean' ? String(value) : value]));
  const own = FieldProblemCodeSchema.safeParse(issue.code);
  if (own.success) {
    // Typed so that a code without a `field.<code>` message is a compile error.
    const key: MessageKey = `field.${own.data}`;
    return t(key, { ...words, count: figure(params.minimum) ?? figure(params.maximum) ?? 0 });
  }
  const general = zodWords(issue.code, params);
  return general ? t(general[0], { ...words, ...general[1] }) : issue.message;
}

const figure = (value: Params[string] | undefined): number | undefined => (typeof value === 'number' ? value : undefined);

const SIZED = new Set(['array', 'set']);
const NUMERIC = new Set(['number', 'int', 'bigint']);

/** zod's own issue codes (zod 4): the general words for each, or null where there are none. */
function zodWords(code: string | undefined, params: Params): [MessageKey, MessageParams?] | null {
  const origin = String(params.origin ?? '');
  const minimum = figure(params.minimum);
  const maximum = figure(params.maximum);
  const inclusive = params.inclusive !== false;
  switch (code) {
    case 'too_small':
      if (minimum === undefined) return null;
      if (origin === 'string') return minimum <= 1 ? ['field.required'] : ['field.zod.tooShort', { count: minimum }];
      if (SIZED.has(origin)) return ['field.zod.fewItems', { count: minimum }];
      if (NUMERIC.has(origin)) return [inclusive ? 'field.zod.atLeast' : 'field.zod.moreThan'];
      return null;
    case 'too_big':
      if (maximum === undefined) return null;
      if (origin === 'string') return ['field.zod.tooLong', { count: maximum }];
      if (SIZED.has(origin)) return ['field.zod.manyItems', { count: maximum }];
      if (NUMERIC.has(origin)) return [inclusive ? 'field.zod.atMost' : 'field.zod.lessThan'];
      return null;
    case 'invalid_type':
      return [params.received === 'undefined' ? 'field.required' : 'field.zod.wrongType'];
    case 'invalid_union':
      return [params.received === 'undefined' ? 'field.required' : 'field.zod.invalid'];
    case 'invalid_format':
      return [params.format === 'email' ? 'field.zod.email' : params.format === 'url' ? 'field.zod.url' : 'field.zod.format'];
    case 'invalid_value':
      return ['field.zod.oneOf'];
    case 'not_multiple_of':
      return ['field.zod.multipleOf'];
    case 'unrecognized_keys':
      return ['field.zod.unknownKeys'];
    case 'invalid_key':
    case 'invalid_element':
      return ['field.zod.invalid'];
    default:
      return null;
  }
}
