import { defineConfig } from '@playwright/test';
import { runSettings } from './playwright.config';

/**
 * The `_electron` specs: the real Electron binary running the built app. Kept apart from playwright.config.ts so the
 * web-mode suite is unaffected; on machines without the Electron binary (it downloads from GitHub) they skip, each
 * with the reason, and scripts/test.mjs counts them as skipped.
 */
export default defineConfig({
  testDir: 'e2e-electron',
  testMatch: '**/*.electron.spec.ts',
  ...runSettings,
  // Its own folder: the web-mode suite's failure reports in test-results/ must survive this run.
  outputDir: 'test-results-electron',
});
