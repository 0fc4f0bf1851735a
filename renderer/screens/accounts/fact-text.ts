import type { ConnectionCheck } from '../../../shared/accounts';
import type { Format } from '../../i18n/format';
import { isMessageKey, type Translate } from '../../i18n/translate';

type Fact = ConnectionCheck['facts'][number];

/**
 * Main labels checks in English and starts its default labels with the kind ("Instance 1101000001", "Client
 * token 2", "API key"). The kind is shown translated, so that English prefix is dropped: "Инстанс · 1101000001".
 */
const ENGLISH_KIND_PREFIX = /^(instance|client token|api key|api token|developer api_key)\b\s*/i;

export function checkTitle(check: ConnectionCheck, t: Translate): string {
  const kind = t(`check.kind.${check.kind}`);
  const specific = check.label.replace(ENGLISH_KIND_PREFIX, '').trim();
  return specific ? `${kind} · ${specific}` : kind;
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
