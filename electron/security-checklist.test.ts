import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/security-checklist.md maps each item of Electron's security checklist to the tests that prove it. This reads
 * the document and fails when an item is missing or renamed, has no test, or names a test file or test title that
 * does not exist, so the mapping cannot rot as tests are renamed or moved.
 */
const root = join(import.meta.dirname, '..');
const doc = readFileSync(join(root, 'docs/security-checklist.md'), 'utf8');

/** The checklist as https://www.electronjs.org/docs/latest/tutorial/security lists it ("Checklist: Security recommendations"). */
const ELECTRON_CHECKLIST = [
  'Only load secure content',
  'Disable the Node.js integration in all renderers that display remote content',
  'Enable context isolation in all renderers',
  'Enable process sandboxing',
  'Use `ses.setPermissionRequestHandler()` in all sessions that load remote content',
  'Do not disable `webSecurity`',
  "Define a `Content-Security-Policy` and use restrictive rules (i.e. `script-src 'self'`)",
  'Do not enable `allowRunningInsecureContent`',
  'Do not enable experimental features',
  'Do not use `enableBlinkFeatures`',
  '`<webview>`: Do not use `allowpopups`',
  '`<webview>`: Verify options and params',
  'Disable or limit navigation',
  'Disable or limit creation of new windows',
  'Do not use `shell.openExternal` with untrusted content',
  'Use a current version of Electron',
  'Validate the `sender` of all IPC messages',
  'Avoid usage of the `file://` protocol and prefer usage of custom protocols',
  'Check which fuses you can change',
  'Do not expose Electron APIs to untrusted web content',
];

type Item = { number: number; title: string; tests: { file: string; title: string }[]; stray: string[] };

/** Sections `### N. Title`, each with its test lines ``- `file` — "test title"``; other list lines are kept as stray. */
function items(): Item[] {
  const sections = doc.split(/^### /m).slice(1);
  return sections.map((section) => {
    const [heading = '', ...lines] = section.split('\n');
    const [, number = '', title = ''] = /^(\d+)\. (.+)$/.exec(heading.trim()) ?? [];
    const testsAt = lines.findIndex((line) => line.trim() === '**Tests:**');
    const listed = testsAt < 0 ? [] : lines.slice(testsAt + 1).filter((line) => line.startsWith('- '));
    const tests = listed.flatMap((line) => {
      const match = /^- `([^`]+)` — "(.+)"$/.exec(line.trim());
      return match ? [{ file: match[1]!, title: match[2]! }] : [];
    });
    return { number: Number(number), title, tests, stray: listed.filter((line) => !/^- `[^`]+` — ".+"$/.test(line.trim())) };
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A test (or it.each) call with exactly this title in the file: `it('…'`, `test("…"`, or `])('…'` after an each table. */
function declaresTest(source: string, title: string): boolean {
  const quoted = ['\'', '"', '`'].map((quote) => `${escape(quote)}${escape(title)}${escape(quote)}`).join('|');
  return new RegExp(`(?:\\b(?:it|test)(?:\\.(?:only|skip|concurrent|fails))?|\\]\\))\\(\\s*(?:${quoted})\\s*,`).test(source);
}

/** Where the suite runs tests: vitest's include globs and the two Playwright configurations. */
const runsAsTest = (file: string) =>
  /^(shared|electron|renderer|scripts)\/.+\.test\.tsx?$/.test(file) || /^e2e\/.+\.spec\.ts$/.test(file) || /^e2e-electron\/.+\.electron\.spec\.ts$/.test(file);

describe('docs/security-checklist.md', () => {
  const parsed = items();

  it('lists the 20 items of Electron\'s checklist, in order and with their official titles', () => {
    expect(parsed.map((item) => `${item.number}. ${item.title}`)).toEqual(ELECTRON_CHECKLIST.map((title, index) => `${index + 1}. ${title}`));
  });

  it('names at least one test for every item, each as `file` — "title"', () => {
    expect(parsed.filter((item) => item.tests.length === 0).map((item) => item.number)).toEqual([]);
    expect(parsed.flatMap((item) => item.stray.map((line) => `${item.number}: ${line}`))).toEqual([]);
  });

  it('names only test files that exist and that the suite runs', () => {
    const files = [...new Set(parsed.flatMap((item) => item.tests.map((test) => test.file)))];
    expect(files.filter((file) => !existsSync(join(root, file)))).toEqual([]);
    expect(files.filter((file) => !runsAsTest(file))).toEqual([]);
  });

  it('names only test titles that are declared in those files', () => {
    const missing = parsed.flatMap((item) =>
      item.tests
        .filter((test) => existsSync(join(root, test.file)) && !declaresTest(readFileSync(join(root, test.file), 'utf8'), test.title))
        .map((test) => `${item.number}. ${test.file}: "${test.title}"`),
    );
    expect(missing).toEqual([]);
  });

  it('would catch a renamed test: the title check really reads the files', () => {
    const source = readFileSync(join(root, 'electron/glue/security.test.ts'), 'utf8');
    expect(declaresTest(source, 'refuses navigation and redirects away from the app origin')).toBe(true);
    expect(declaresTest(source, 'refuses navigation and redirects away from the app')).toBe(false);
    expect(declaresTest(source, 'web contents hardening')).toBe(false); // a describe block is not a test
  });
});
