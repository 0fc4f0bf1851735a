import { expect, type Page } from '@playwright/test';

/**
 * The Authorize screen as browser tests drive it: the account picker, an instance's dialog and its tabs, and the
 * banner of a wizard closed half-way. `page` is read on every call, since specs open new pages as they go.
 */
export function authorizeScreen(page: () => Page) {
  const dialog = () => page().getByRole('dialog');

  /** Picks the account and waits for its instances; `refresh` reads them again after the sandbox was changed behind the screen's back. */
  const chooseAccount = async (name: string, { refresh = false } = {}) => {
    const select = page().getByLabel('Account', { exact: true });
    await select.selectOption((await select.locator('option', { hasText: name }).getAttribute('value'))!);
    await expect(page().getByRole('table', { name: 'Instances of the account' })).toBeVisible();
    if (refresh) await page().getByRole('button', { name: 'Refresh', exact: true }).click();
  };

  const openAuthorize = async (name: string) => {
    await page().getByRole('button', { name: `Authorize ${name}`, exact: true }).click();
    await expect(dialog()).toBeVisible();
  };

  return {
    dialog,
    chooseAccount,
    openAuthorize,

    /** The instance's authorization dialog on `tab`, with the account's instances read afresh. */
    async openTab(account: string, name: string, tab: string) {
      await chooseAccount(account, { refresh: true });
      await openAuthorize(name);
      await dialog().getByRole('tab', { name: tab, exact: true }).click();
      await expect(dialog().getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    },

    async closeDialog() {
      await page().keyboard.press('Escape');
      await expect(dialog()).toBeHidden();
    },

    /** Discards a wizard closed half-way (asked once more), so the next one can start. */
    async discardUnfinished() {
      const banner = page().getByRole('status').filter({ hasText: /^Setting up .* stopped at/ });
      await banner.getByRole('button', { name: 'Discard…' }).click();
      await banner.getByRole('group', { name: 'Discard the unfinished setup?' }).getByRole('button', { name: 'Discard', exact: true }).click();
      await expect(page().getByText(/^Setting up .* stopped at/)).toHaveCount(0);
    },
  };
}

/** Opens the Authorize screen by its address (the console keeps its token in the page, not the hash). */
export async function gotoAuthorize(page: Page) {
  await page.goto(page.url().replace(/#.*$/, '') + '#/authorize');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authorize');
}
