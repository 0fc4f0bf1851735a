import { describe, expect, it } from 'vitest';
import { parseWorkbenchForm } from './parse-request';

describe('workbench form', () => {
  it('turns name=value lines into a query, repeating names into lists, and parses the JSON body', () => {
    const parsed = parseWorkbenchForm({ method: 'POST', path: ' /v1/messages ', query: 'a=1\n\nb = x=y\na=2', body: '{"text":"hi"}' });
    expect(parsed).toEqual({ ok: true, request: { method: 'POST', path: '/v1/messages', query: { a: ['1', '2'], b: 'x=y' }, body: { text: 'hi' } } });
  });
  it('names the bad query line and the JSON problem', () => {
    const parsed = parseWorkbenchForm({ method: 'POST', path: '/x', query: 'ok=1\nbroken', body: '{nope' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems.map((p) => [p.field, p.key])).toEqual([
        ['query', 'workbench.badQueryLine'],
        ['body', 'workbench.badJson'],
      ]);
      expect(parsed.problems[0]!.params).toEqual({ line: 2 });
    }
  });
});
