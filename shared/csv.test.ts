import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  const columns = [
    { header: 'name', value: (r: { name: string; n: number | null }) => r.name },
    { header: 'n', value: (r: { name: string; n: number | null }) => r.n },
  ];
  it('quotes separators, quotes and line breaks, and leaves plain cells alone', () => {
    expect(toCsv([{ name: 'a, "b"\nc', n: 1 }, { name: 'plain', n: null }], columns)).toBe('name,n\r\n"a, ""b""\nc",1\r\nplain,\r\n');
  });
  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv([{ name: '=HYPERLINK("x")', n: -5 }], columns)).toBe(`name,n\r\n"'=HYPERLINK(""x"")",'-5\r\n`);
  });
});
