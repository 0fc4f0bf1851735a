import type { ConnectionCheck } from '../../../shared/accounts';
import type { Format } from '../../i18n/format';
import { isMessageKey, type Translate } from '../../i18n/translate';

type Fact = ConnectionCheck['facts'][number];

/**
 * The kind in words, then which one it was (the label the user typed, as typed, or an idInstance, a position):
 * "Инстанс · 1101000001". A result saved by an older version has no `subject`: its English label is shown.
 */
export function checkTitle(check: ConnectionCheck, t: Translate): string {
  if (check.subject === undefined) return check.label;
  const kind = t(`check.kind.${check.kind}`);
  return check.subject ? `${kind} · ${check.subject}` : kind;
}

/** Counts are formatted for the locale; ids (customerId) and codes (status) are not numbers to group. */
const COUNT_FACTS: ReadonlySet<string> = new Set(['instances', 'requestsLeft', 'total']);

/** Facts come keyed from main (`instances`, `state`…); a key this build has no words for is spelled out. */
export function factLabel(key: string, t: Translate): string {
  const messageKey = `fact.${key}`;
  if (isMessageKey(messageKey)) return t(messageKey);
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function factValue(fact: Fact, t: Translate, format: Format): string {
  const number = Number(fact.value);
  if (fact.key === 'state') {
    const stateKey = `state.${fact.value}`;
    return isMessageKey(stateKey) ? t(stateKey) : fact.value;
  }
  if (fact.key === 'balance' && fact.value.trim() !== '' && Number.isFinite(number)) return format.money(number);
  if (COUNT_FACTS.has(fact.key) && Number.isInteger(number)) return format.number(number);
  return fact.value;
}
