import { describe, expect, it } from 'vitest';
import { jsonErrorPosition } from './json-error-position';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorPosition', () => {
  it('agrees with JSON.parse on what is JSON', () => {
    const texts = [
      '{}',
      ' [ ] ',
      '{"a":[1,-2.5e+3,true,false,null,"x\\u00e9\\n"]}',
      '"\\/"',
      '0',
      '01',
      '1.',
      '-',
      '1e',
      '.5',
      '[1,]',
      '{"a":1,}',
      '{a:1}',
      "{'a':1}",
      '"tab\there"',
      '"\\x"',
      '"\\u12g4"',
      '[1 2]',
      'nul',
      'True',
      '{"a":1}}',
      '\uFEFF{}',
      '',
      '   ',
      '{"a"',
      '{"a":',
      '"open',
    ];
    for (const text of texts) expect(jsonErrorPosition(text) === null, JSON.stringify(text)).toBe(parses(text));
  });

  it('says where, in lines and characters, and what it found', () => {
    expect(jsonErrorPosition('not json')).toEqual({ line: 1, column: 2, found: 'o' });
    expect(jsonErrorPosition('{"a":1,}')).toEqual({ line: 1, column: 8, found: '}' });
    expect(jsonErrorPosition('{\r\n  "é😀": x\r\n}')).toEqual({ line: 2, column: 9, found: 'x' });
    expect(jsonErrorPosition('[1, 2')).toEqual({ line: 1, column: 6, found: null });
    expect(jsonErrorPosition('"a\\qb"')).toEqual({ line: 1, column: 4, found: 'q' });
    expect(jsonErrorPosition('{"a":1} {"b":2}')).toEqual({ line: 1, column: 9, found: '{' });
  });

  it('gives up, rather than fail, on nesting deeper than the stack', () => {
    expect(jsonErrorPosition('['.repeat(200_000))).toBeNull();
  });
});
