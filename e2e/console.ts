import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { ScreenId } from '../renderer/shell/screens';

/**
 * Opens the console and gets past the vault gate. Under `npm test` the vault uses a real Secret Service and opens
 * by itself; without one (a developer's plain `npx playwright test`) the gate asks for a passphrase, set here.
 */
export async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const nav = page.getByRole('navigation', { name: 'Screens' });
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  await expect(nav.or(passphrase)).toBeVisible();
  if (await passphrase.isVisible()) {
    await passphrase.fill('e2e passphrase, long enough');
    await page.getByLabel('Repeat the passphrase').fill('e2e passphrase, long enough');
    await page.getByRole('button', { name: 'Set passphrase' }).click();
    await expect(nav).toBeVisible();
  }
}

/** axe-core over the whole page; returns the violations so the assertion shows what failed. */
export async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Records every bridge response body and every pushed event the page receives, for leak checks. */
export function recordBridgeTraffic(page: Page): () => Promise<string> {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/rpc/')) bodies.push(response.text().catch(() => ''));
  });
  return async () => (await Promise.all(bodies)).join('\n');
}

/**
 * Records every event main pushes to the page (web mode's server-sent events), through a second subscription
 * opened with the page's own token. Call after openConsole.
 */
export async function recordPushedEvents(page: Page): Promise<() => Promise<string>> {
  await page.evaluate(() => {
    const events: string[] = [];
    (window as unknown as { __pushed: string[] }).__pushed = events;
    const source = new EventSource(`/events?token=${encodeURIComponent(sessionStorage.getItem('switchboard.webToken') ?? '')}`);
    source.onmessage = (message) => events.push(message.data);
  });
  return () => page.evaluate(() => (window as unknown as { __pushed: string[] }).__pushed.join('\n'));
}

/**
 * Waits until a screen's own content is shown. Screens load as separate chunks: right after navigating, the title
 * already names the new screen while the previous one is still in the page (hidden), so reading options or rows
 * before this would read the wrong screen.
 */
export async function screenShown(page: Page, screen: ScreenId): Promise<void> {
  await expect(page.locator(`[data-screen="${screen}"]`)).toBeVisible();
}
