import { defineConfig } from '@playwright/test';

/**
 * Browser tests run in Debian's Chromium (Playwright's own browser download is not reachable here) against web
 * mode: each test file starts its own web-mode server on a free port with an empty data directory.
 */
/** How every Playwright run here is paced: one test at a time on a 2-core machine, no retries hiding flakes. */
export const runSettings = {
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
} as const;

export default defineConfig({
  testDir: 'e2e',
  ...runSettings,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1280, height: 820 },
    // A click on something that never becomes clickable fails where it waits, not as the whole test's timeout.
    actionTimeout: 30_000,
    trace: 'off',
  },
});
