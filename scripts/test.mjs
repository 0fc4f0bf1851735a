// `npm test`: the whole suite — unit and integration tests (vitest) and the browser tests (Playwright in
// Debian's Chromium through web mode) — inside a throwaway D-Bus session with an unlocked GNOME Keyring, so the
// vault's keytar path runs against a real Secret Service. Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestPrerequisites } from './test-prerequisites.mjs';

ensureTestPrerequisites();

const reports = mkdtempSync(join(tmpdir(), 'switchboard-reports-'));
const run = (label, command) => {
  console.log(`\n=== ${label} ===`);
  return spawnSync('bash', ['scripts/with-keyring.sh', 'bash', '-c', command], { stdio: 'inherit', env: process.env }).status;
};

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed; no tests were run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The type checker and the linter are part of the suite: each counts as one test.
const staticChecks = [
  ['typecheck (tsc --noEmit)', 'npx tsc --noEmit -p tsconfig.json'],
  ['lint (eslint .)', 'npx eslint .'],
].map(([label, command]) => {
  console.log(`\n=== ${label} ===`);
  return spawnSync('bash', ['-c', command], { stdio: 'inherit' }).status === 0;
});

const vitestJson = join(reports, 'vitest.json');
const playwrightJson = join(reports, 'playwright.json');
const electronJson = join(reports, 'playwright-electron.json');
const unitStatus = run('unit and integration tests (vitest)', `npx vitest run --reporter=default --reporter=json --outputFile.json=${vitestJson}`);
const e2eStatus = run(
  'browser tests (Playwright, Chromium, web mode)',
  `PLAYWRIGHT_JSON_OUTPUT_NAME=${playwrightJson} npx playwright test --reporter=list,json`,
);
// The real Electron binary, where there is one; elsewhere its specs skip and say why (counted as skipped).
const electronStatus = run(
  'Electron tests (Playwright _electron)',
  `PLAYWRIGHT_JSON_OUTPUT_NAME=${electronJson} npx playwright test -c playwright.electron.config.ts --reporter=list,json`,
);

const counts = { passed: 0, failed: 0, skipped: 0 };
for (const ok of staticChecks) counts[ok ? 'passed' : 'failed'] += 1;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} else counts.failed += 1;
for (const report of [playwrightJson, electronJson]) {
  if (!existsSync(report)) {
    counts.failed += 1;
    continue;
  }
  const p = JSON.parse(readFileSync(report, 'utf8'));
  counts.passed += p.stats.expected + (p.stats.flaky ?? 0);
  counts.failed += p.stats.unexpected;
  counts.skipped += p.stats.skipped;
}

const ok = unitStatus === 0 && e2eStatus === 0 && electronStatus === 0 && counts.failed === 0;
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok ? 0 : 1);
