import { describe, expect, it } from 'vitest';
import { extractPostmanExamples, loadSeedExamples } from './postman';

describe('Postman example extraction', () => {
  it('extracts every saved example of the Chategy collection (seed 000), with folders and request data', () => {
    const examples = loadSeedExamples('000');
    expect(examples).toHaveLength(42);
    const first = examples[0]!;
    expect(first.collection).toBe('Сhategy');
    expect(first.folderPath).toEqual(['Available endpoints', 'v1']);
    expect(first.requestName).toBe('Delivery');
    expect(first.method).toBe('POST');
    expect(first.url).toMatch(/^https:\/\/api\.chategy\.io\/api\/v1\/delivery\?/);
    expect(first.status).toBe(200);
    expect(first.bodyIsJson).toBe(true);
    expect(first.json).toEqual(JSON.parse(first.body));
  });

  it('extracts every saved example of the Jetapi collection (seed 001)', () => {
    const examples = loadSeedExamples('001');
    expect(examples).toHaveLength(84);
    expect(examples.every((example) => example.folderPath.length > 0)).toBe(true);
    expect(examples.some((example) => example.status === undefined || example.bodyIsJson === false)).toBe(true);
  });

  it('reads the Chat2Desk collection (seed 002) with null headers and v2.1 url objects', () => {
    const examples = loadSeedExamples('002');
    expect(examples).toHaveLength(89);
    expect(examples.every((example) => example.url.startsWith('https://'))).toBe(true);
  });

  it('reads a Postman web-page state without items (seed 003) as no examples', () => {
    expect(loadSeedExamples('003')).toEqual([]);
  });

  it('handles string requests, missing headers, empty and invalid bodies', () => {
    const examples = extractPostmanExamples({
      info: { name: 'c' },
      item: [
        {
          name: 'folder',
          item: [
            {
              name: 'r',
              request: 'https://x.test/a',
              response: [
                { name: 'empty', body: null },
                { name: 'html', code: 500, header: [{ key: 'Content-Type', value: 'text/html' }], body: '<html>' },
                { name: 'ok', originalRequest: { method: 'put', url: { raw: 'https://x.test/b' } }, body: '{"a":1}' },
              ],
            },
          ],
        },
      ],
    });
    expect(examples.map((e) => [e.folderPath, e.method, e.url, e.status, e.bodyIsJson, e.json])).toEqual([
      [['folder'], 'GET', 'https://x.test/a', undefined, false, undefined],
      [['folder'], 'GET', 'https://x.test/a', 500, false, undefined],
      [['folder'], 'PUT', 'https://x.test/b', undefined, true, { a: 1 }],
    ]);
    expect(examples[1]!.headers).toEqual([{ key: 'Content-Type', value: 'text/html' }]);
  });
});
