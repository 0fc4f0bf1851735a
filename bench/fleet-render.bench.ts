/**
 * The Instances table with 10,000 rows, measured in Debian's Chromium through web mode (the real core) against a
 * sandbox this benchmark runs itself: one Chategy/Jetapi account with 10,000 instances, entered on the Accounts
 * screen like a user would.
 *
 * 1. First render: from clicking "Instances" (the fleet already read into main) to the first rows on screen, and
 *    the long tasks (> 50 ms) on the main thread meanwhile.
 * 2. Scrolling from the first row to the last, one step per animation frame: frames, the longest frame gap and the
 *    long tasks while it runs (goal: none).
 * Baseline in the same run and page: the same 10,000 rows as a plain, non-virtualized table built straight into
 * the DOM (no React, no fetching) — its render time and its long tasks, and the ratio against ours.
 *
 * Run: npm run bench -- fleet-render   (builds the renderer first), or node --import tsx bench/fleet-render.bench.ts
 * after `npm run build`.
 */
import { chromium, type Page } from '@playwright/test';
import { openConsole } from '../e2e/console';
import { addChatpushAccount } from '../e2e/fleet-accounts';
import { startWebMode } from '../e2e/web-mode';
import { startSandbox } from '../electron/core/sandbox';

const ROWS = 10_000;
/** Pixels per animation frame while scrolling: about 33 rows, a brisk flick of the wheel. */
const STEP_PX = 1200;

/** Long tasks with their start time (page clock), from before the app loads. */
const OBSERVE = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

type LongTask = { start: number; duration: number };
const tasksBetween = (page: Page, from: number, to: number) =>
  page.evaluate(([a, b]) => (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((t) => t.start >= a && t.start <= b), [from, to] as const);
const now = (page: Page) => page.evaluate(() => performance.now());
const describe = (tasks: LongTask[]) =>
  tasks.length === 0 ? 'none' : `${tasks.length} (longest ${Math.max(...tasks.map((t) => t.duration)).toFixed(0)} ms, total ${tasks.reduce((s, t) => s + t.duration, 0).toFixed(0)} ms)`;

async function main() {
  const sandbox = await startSandbox({ seed: 4 });
  sandbox.controls.chatpush.seedInstances(ROWS - sandbox.state.chatpush.instances.length, { externalIdPrefix: 'render-' });
  const web = await startWebMode();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 820 } })).newPage();
    await page.addInitScript(OBSERVE);
    await openConsole(page, web.url);
    await addChatpushAccount(page, sandbox, 'Render fleet');

    // The first visit reads the fleet from the sandbox; wait until all of it is in main.
    await page.getByRole('link', { name: 'Instances' }).click();
    await page.getByText('10,000 instances', { exact: true }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Refresh fleet' }).waitFor({ timeout: 120_000 });

    // 1. First render of the table, from a click on its screen.
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('table', { name: 'Instances' }).waitFor({ state: 'detached' });
    const renderStart = await now(page);
    await page.getByRole('link', { name: 'Instances' }).click();
    await page.getByRole('checkbox', { name: /^Select instance/ }).first().waitFor();
    const renderEnd = await now(page);
    const renderTasks = await tasksBetween(page, renderStart, renderEnd);
    const rowsInDom = await page.locator('[data-testid="fleet-scroll"] [role="row"]').count();

    // 2. Scroll to the bottom, one step per frame, and wait for the last row's data.
    const scroll = await page.evaluate(async (step) => {
      const scroller = document.querySelector('[data-testid="fleet-scroll"]') as HTMLElement;
      const start = performance.now();
      let frames = 0;
      let worstGap = 0;
      let last = start;
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
        scroller.scrollTop += step;
        await new Promise(requestAnimationFrame);
        const t = performance.now();
        worstGap = Math.max(worstGap, t - last);
        last = t;
        frames++;
      }
      return { start, end: performance.now(), frames, worstGap, height: scroller.scrollHeight };
    }, STEP_PX);
    await page.getByRole('checkbox', { name: /^Select instance/ }).last().waitFor();
    const scrollTasks = await tasksBetween(page, scroll.start, scroll.end);
    const lastIndex = await page.locator('[data-testid="fleet-scroll"] [role="row"]').last().getAttribute('aria-rowindex');

    // Baseline: the same number of rows as one plain table in the DOM, built and laid out in one go.
    const baseline = await page.evaluate((rows) => {
      const start = performance.now();
      const table = document.createElement('table');
      const body = table.createTBody();
      for (let i = 0; i < rows; i++) {
        const row = body.insertRow();
        for (const text of ['Chategy / Jetapi', 'Render fleet', String(10_000 + i), `render-${i}`, '99559000000', 'Authorized', 'Waiting for QR', '0 / 50', 'Active', 'Dec 1, 2026', '9 days', 'On', '600.00']) {
          row.insertCell().textContent = text;
        }
      }
      document.body.append(table);
      void table.offsetHeight;
      return new Promise<{ start: number; end: number }>((resolve) =>
        requestAnimationFrame(() => {
          const end = performance.now();
          table.remove();
          resolve({ start, end });
        }),
      );
    }, ROWS);
    await page.waitForTimeout(200);
    const baselineTasks = await tasksBetween(page, baseline.start, baseline.end + 100);

    const renderMs = renderEnd - renderStart;
    const baselineMs = baseline.end - baseline.start;
    console.log('fleet-render: the Instances table with 10,000 rows in Chromium (web mode, real core)');
    console.log(`  first render            ${renderMs.toFixed(0)} ms from the click to rows on screen; ${rowsInDom} rows in the DOM`);
    console.log(`  long tasks (render)     ${describe(renderTasks)}`);
    console.log(`  scroll to the end       ${scroll.frames} frames over ${(scroll.height / 1000).toFixed(0)}k px in ${(scroll.end - scroll.start).toFixed(0)} ms; worst frame gap ${scroll.worstGap.toFixed(0)} ms; last row ${Number(lastIndex) - 1} of ${ROWS}`);
    console.log(`  long tasks (scrolling)  ${describe(scrollTasks)}  (goal: none)`);
    console.log(`  baseline: plain table   ${baselineMs.toFixed(0)} ms to build and lay out all ${ROWS} rows; long tasks ${describe(baselineTasks)}`);
    console.log(`  ratio                   ${(baselineMs / renderMs).toFixed(1)}× faster first render than the plain table`);
    if (scrollTasks.length > 0 || Number(lastIndex) - 1 !== ROWS) process.exitCode = 1;
  } finally {
    await browser.close();
    await web.stop();
    await sandbox.close();
  }
}

await main();
