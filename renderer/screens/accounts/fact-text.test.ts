import { describe, expect, it } from 'vitest';
import type { ConnectionCheck } from '../../../shared/accounts';
import { createTranslator } from '../../i18n/translate';
import { checkTitle } from './fact-text';

const ru = createTranslator('ru');
const check = (name: Pick<ConnectionCheck, 'kind' | 'label' | 'subject'>): ConnectionCheck => ({ ...name, ok: true, latencyMs: 5, facts: [] });

describe('checkTitle', () => {
  it('words the kind and shows the subject as it came: a typed label stays as typed', () => {
    expect(checkTitle(check({ kind: 'instance', label: 'Instance 1101000001', subject: '1101000001' }), ru)).toBe('Инстанс · 1101000001');
    expect(checkTitle(check({ kind: 'instance', label: 'Instance of the front desk', subject: 'Instance of the front desk' }), ru)).toBe('Инстанс · Instance of the front desk');
    expect(checkTitle(check({ kind: 'clientToken', label: 'Client token 2', subject: '2' }), ru)).toMatch(/ · 2$/);
    expect(checkTitle(check({ kind: 'apiKey', label: 'API key', subject: '' }), ru)).toBe(ru('check.kind.apiKey'));
  });

  it('shows a result saved by an older version by its English label', () => {
    expect(checkTitle(check({ kind: 'instance', label: 'Instance 1101000001' }), ru)).toBe('Instance 1101000001');
  });
});
