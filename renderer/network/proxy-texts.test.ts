import { describe, expect, it } from 'vitest';
import { fieldIssue } from '../../shared/field-problems';
import { describeError } from '../errors/describe-error';
import { fieldIssueText } from '../errors/field-problem-text';
import { createTranslator } from '../i18n/translate';

const en = createTranslator('en');
const ru = createTranslator('ru');

describe('the proxy in the window’s words', () => {
  it('a 407 from the proxy says to check the proxy credentials under Network, naming the proxy and the host', () => {
    const error = { code: 'proxy_auth_required' as const, message: 'x', details: { provider: 'greenapi', host: 'api.green-api.com', proxy: 'proxy.corp:3128' } };
    expect(describeError(error, en)).toBe(
      'The proxy did not accept the proxy user name and password (407). Check them under Network in the header. (api.green-api.com, through the proxy proxy.corp:3128)',
    );
    expect(describeError(error, ru)).toBe(
      'Прокси не принял имя пользователя и пароль (407). Проверьте их в разделе «Сеть» в шапке. (api.green-api.com, через прокси proxy.corp:3128)',
    );
    expect(describeError({ code: 'proxy_refused', message: 'x', details: { provider: 'chat2desk' } }, en)).toMatch(/^The proxy refused to carry the request\./);
  });

  it('words the Network form’s field problems in both languages', () => {
    const entry = fieldIssue('bypass', 'proxy_bypass_entry', { entry: 'not a host!' });
    expect(fieldIssueText(entry, en)).toBe('“not a host!” is not a host name, domain, IP address or range.');
    expect(fieldIssueText(entry, ru)).toBe('«not a host!» — не имя хоста, домен, IP-адрес или диапазон.');
    expect(fieldIssueText(fieldIssue('url', 'proxy_url'), ru)).toMatch(/^Адрес прокси http:\/\/ или https:\/\//);
  });
});
