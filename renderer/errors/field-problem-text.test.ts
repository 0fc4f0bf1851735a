import { describe, expect, it } from 'vitest';
import { AccountDraftSchema } from '../../shared/accounts';
import type { AppErrorShape } from '../../shared/errors';
import { FIELD_PROBLEM_CODES, fieldIssue, fieldIssueOf } from '../../shared/field-problems';
import { PassphraseSchema } from '../../shared/vault';
import { createTranslator } from '../i18n/translate';
import { fieldErrorsOf, translateFieldErrors } from './field-errors';
import { fieldIssueText } from './field-problem-text';

const en = createTranslator('en');
const ru = createTranslator('ru');

describe('fieldIssueText', () => {
  it('words the shared schemas’ own problems by code, with their params, in either language', () => {
    const draft = { provider: 'greenapi', name: '', instances: [{ label: '', idInstance: 'x', apiTokenInstance: 't', apiUrl: 'http://api.example.com', mediaUrl: 'ftp://m.example.com' }] };
    const issues = AccountDraftSchema.safeParse(draft).error!.issues.map((issue) => fieldIssueOf(issue));
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path, issue]));
    expect(fieldIssueText(byPath['name']!, ru)).toBe('Дайте аккаунту название.');
    expect(fieldIssueText(byPath['instances.0.idInstance']!, ru)).toBe('idInstance — от 1 до 10 цифр.');
    expect(fieldIssueText(byPath['instances.0.apiUrl']!, ru)).toBe('Используйте https:// (обычный http:// допустим только для локальных адресов вроде 127.0.0.1).');
    expect(fieldIssueText(byPath['instances.0.mediaUrl']!, en)).toBe('The URL must start with https://.');
    const passphrase = fieldIssueOf(PassphraseSchema.safeParse('short').error!.issues[0]!);
    expect(fieldIssueText(passphrase, ru)).toBe('Не короче 10 символов.');
    expect(fieldIssueText(passphrase, en)).toBe('At least 10 characters.');
  });

  it('words zod’s own codes from their figures', () => {
    const issue = (code: string, params: Record<string, string | number | boolean>) => ({ path: 'x', message: 'English', code, params });
    expect(fieldIssueText(issue('too_small', { origin: 'string', minimum: 1 }), ru)).toBe('Обязательное поле.');
    expect(fieldIssueText(issue('too_small', { origin: 'string', minimum: 5 }), ru)).toBe('Не короче 5 символов.');
    expect(fieldIssueText(issue('too_big', { origin: 'string', maximum: 80 }), en)).toBe('At most 80 characters.');
    expect(fieldIssueText(issue('too_small', { origin: 'number', minimum: 0, inclusive: false }), en)).toBe('More than 0.');
    expect(fieldIssueText(issue('too_big', { origin: 'int', maximum: 300, inclusive: true }), ru)).toBe('Не больше 300.');
    expect(fieldIssueText(issue('too_small', { origin: 'array', minimum: 2 }), ru)).toBe('Выберите хотя бы 2 значения.');
    expect(fieldIssueText(issue('invalid_type', { expected: 'string', received: 'undefined' }), ru)).toBe('Обязательное поле.');
    expect(fieldIssueText(issue('invalid_type', { expected: 'string' }), en)).toBe('Not the kind of value expected here.');
    expect(fieldIssueText(issue('invalid_format', { format: 'email' }), ru)).toBe('Адрес электронной почты, например client@example.com.');
    expect(fieldIssueText(issue('invalid_value', { values: 'GET, POST' }), ru)).toBe('Выберите одно из значений: GET, POST.');
  });

  it('falls back to the English message for an issue without a code it knows', () => {
    expect(fieldIssueText({ path: 'base', message: 'not enough money' }, ru)).toBe('not enough money');
    expect(fieldIssueText({ path: 'x', message: 'From a newer core', code: 'brand_new_code' }, ru)).toBe('From a newer core');
    expect(fieldIssueText({ path: 'x', message: 'a refinement of its own', code: 'custom' }, ru)).toBe('a refinement of its own');
  });

  it('has Russian words, with every placeholder filled, for every code of the shared table', () => {
    for (const code of FIELD_PROBLEM_CODES) {
      const params = { secure: 'https://', plain: 'http://', minimum: 10, maximum: 10, entry: 'x' };
      const text = fieldIssueText({ path: 'x', message: 'English', code, params }, ru);
      expect(text, code).not.toBe('English');
      expect(text, code).not.toMatch(/[{}]/);
      expect(text, code).toMatch(/[а-яё]|^idInstance/i);
    }
  });
});

describe('translateFieldErrors', () => {
  it('keys problems by their path in the form and words them when shown, so a language switch re-words them', () => {
    const error: AppErrorShape = {
      code: 'invalid_input',
      message: 'Some fields need attention.',
      details: { fields: [fieldIssue('draft.name', 'account_name'), fieldIssue('draft.name', 'required'), { path: 'draft.hosts.rest', message: 'Not a valid URL', code: 'url_not_a_url' }] },
    };
    const problems = fieldErrorsOf(error, 'draft');
    expect(Object.keys(problems)).toEqual(['name', 'hosts.rest']);
    expect(translateFieldErrors(problems, ru)).toEqual({ name: 'Дайте аккаунту название.', 'hosts.rest': 'Это не похоже на URL.' });
    expect(translateFieldErrors(problems, en)).toEqual({ name: 'Give the account a name.', 'hosts.rest': 'Not a valid URL.' });
    expect(fieldErrorsOf({ code: 'timeout', message: 'x' }, 'draft')).toEqual({});
  });
});
