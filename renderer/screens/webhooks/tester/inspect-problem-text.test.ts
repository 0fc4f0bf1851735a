import { describe, expect, it } from 'vitest';
import { INSPECT_PROBLEM_CODES, type InspectProblem } from '../../../../shared/webhook-tester';
import { createTranslator } from '../../../i18n/translate';
import { inspectProblemText, problemPlace } from './inspect-problem-text';

const en = createTranslator('en');
const ru = createTranslator('ru');

describe('inspectProblemText', () => {
  it('words where a body stops being JSON, with the character shown readably', () => {
    const at = (params: InspectProblem['params']): InspectProblem => ({ path: '', code: 'not_json', params });
    expect(inspectProblemText(at({ line: 3, column: 11, found: 'x' }), en)).toBe('The body is not JSON: at line 3, column 11, “x” cannot stand there.');
    expect(inspectProblemText(at({ line: 1, column: 1, found: '\uFEFF' }), ru)).toBe('Тело — не JSON: в строке 1, позиции 1 не может стоять «U+FEFF».');
    expect(inspectProblemText(at({ line: 1, column: 12 }), ru)).toContain('кончается в строке 1, позиции 12');
    expect(inspectProblemText(at(undefined), en)).toBe('The body is not JSON.');
  });

  it('words the checker’s own codes and the zod codes a payload meets, in Russian too', () => {
    for (const code of INSPECT_PROBLEM_CODES) {
      const text = inspectProblemText({ path: '', code, params: { value: 'made_up', line: 1, column: 2, found: 'o' } }, ru);
      expect(text, code).toMatch(/[а-яё]/i);
      expect(text, code).not.toMatch(/[{}]/);
    }
    expect(inspectProblemText({ path: 'stateInstance', code: 'invalid_type', params: { expected: 'string', received: 'undefined' } }, ru)).toBe('Отсутствует.');
    expect(inspectProblemText({ path: 'timestamp', code: 'invalid_type', params: { expected: 'number' } }, en)).toBe('Expected a number.');
    expect(inspectProblemText({ path: 'client_id', code: 'invalid_union', params: { received: 'undefined' } }, en)).toBe('Missing.');
    expect(inspectProblemText({ path: 'type', code: 'invalid_value', params: { values: 'a, b' } }, ru)).toBe('Ожидается одно из: a, b.');
    // A zod code the checker has no payload words for: the general words of a field.
    expect(inspectProblemText({ path: 'x', code: 'too_big', params: { origin: 'string', maximum: 80 } }, en)).toBe('At most 80 characters.');
    // A code from a newer core: shown as the code, never as main's English.
    expect(inspectProblemText({ path: 'x', code: 'brand_new' }, ru)).toBe('brand_new');
    expect(problemPlace({ path: '', code: 'no_provider_field' }, ru)).toBe('Тело');
  });
});
