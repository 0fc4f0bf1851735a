import { describe, expect, it } from 'vitest';
import { parseGreenapiLines } from './greenapi-lines';
import { GREENAPI_DEFAULT_HOSTS } from './providers';

describe('parseGreenapiLines', () => {
  it('accepts every separator and fills the default hosts', () => {
    const { instances, problems } = parseGreenapiLines('1101000001 tok1\n1101000002,tok2\n1101000003;tok3\n1101000004\ttok4');
    expect(problems).toEqual([]);
    expect(instances.map((i) => [i.line, i.idInstance, i.apiTokenInstance])).toEqual([
      [1, '1101000001', 'tok1'],
      [2, '1101000002', 'tok2'],
      [3, '1101000003', 'tok3'],
      [4, '1101000004', 'tok4'],
    ]);
    expect(instances[0]).toMatchObject(GREENAPI_DEFAULT_HOSTS);
  });

  it('takes dedicated hosts and drops their trailing slash', () => {
    const { instances } = parseGreenapiLines('7103000001 tok https://7103.api.greenapi.com/ https://7103.media.greenapi.com');
    expect(instances[0]).toMatchObject({ apiUrl: 'https://7103.api.greenapi.com', mediaUrl: 'https://7103.media.greenapi.com' });
  });

  it('reports problems with their line numbers and skips blank lines', () => {
    const text = ['12x tok', '', '1101000001', '1 2 3 4 5', '1101000001 tok http://example.com'].join('\n');
    expect(parseGreenapiLines(text).problems).toEqual([
      { line: 1, code: 'invalid_id_instance', value: '12x' },
      { line: 3, code: 'too_few_fields', found: 1 },
      { line: 4, code: 'too_many_fields', found: 5 },
      { line: 5, code: 'invalid_api_url', value: 'http://example.com', reason: 'insecure_scheme' },
    ]);
  });

  it('flags duplicates in the text and instances the account already has', () => {
    const { instances, problems } = parseGreenapiLines('1101000001 a\r\n1101000001 b\r\n1101000002 c', ['1101000002']);
    expect(instances.map((i) => i.line)).toEqual([1]);
    expect(problems).toEqual([
      { line: 2, code: 'duplicate', idInstance: '1101000001', firstLine: 1 },
      { line: 3, code: 'already_added', idInstance: '1101000002' },
    ]);
  });
});
