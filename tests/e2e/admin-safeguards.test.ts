// The users page asks before it acts on someone else: a role change and disabling wait for a
// confirmation naming the action, and a password reset uses a masked dialog, never prompt(). The
// audit page's filter follows the page shown.
// Real browser, real server with demo data. No sleeps: every wait is on a locator.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, RESULTS, type SignedInSession } from './support/browser.js';

describe('admin safeguards on the users page', () => {
  let session: SignedInSession;
  let page: Page;
  const nativeDialogs: string[] = [];
  const row = (username: string) =>
    page.getByTestId('users-table').locator('tr', { has: page.getByRole('cell', { name: username, exact: true }) });

  beforeAll(async () => {
    session = await openSignedIn('admin', '/admin/users');
    page = session.page;
    // window.prompt/confirm/alert would open a native dialog: none may appear.
    page.on('dialog', (d) => {
      nativeDialogs.push(d.message());
      void d.dismiss();
    });
    await row('demo-officer').waitFor();
  });

  afterAll(async () => {
    expect(nativeDialogs).toEqual([]);
    await session?.close();
  });

  it('a role change waits for confirmation; cancelling keeps the old role', async () => {
    const select = row('demo-officer').getByLabel('Role of demo-officer');
    await select.selectOption('manager');
    const dialog = page.getByRole('dialog', { name: 'Change the role of demo-officer?' });
    await dialog.getByText('Their sessions end at once').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await select.inputValue()).toBe('watch_officer');
    expect(await page.getByRole('status').count()).toBe(0);

    await select.selectOption('manager');
    await page.screenshot({ path: join(RESULTS, 'admin-confirm-role.png') });
    await dialog.getByRole('button', { name: 'Make Manager' }).click();
    await page.getByRole('status').getByText('demo-officer: role set to Manager').waitFor();
    expect(await select.inputValue()).toBe('manager');
  });

  it('disabling waits for confirmation', async () => {
    await row('demo-manager').getByRole('button', { name: 'Disable demo-manager' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disable demo-manager?' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await row('demo-manager').getByRole('cell', { name: 'active' }).count()).toBe(1);

    await row('demo-manager').getByRole('button', { name: 'Disable demo-manager' }).click();
    await dialog.getByRole('button', { name: 'Disable demo-manager' }).click();
    await page.getByRole('status').getByText('demo-manager: disabled').waitFor();
    await row('demo-manager').getByRole('cell', { name: 'disabled' }).waitFor();
  });

  it('resets a password in a masked dialog that checks length and the repeat', async () => {
    await row('demo-officer').getByRole('button', { name: 'Reset password of demo-officer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the password of demo-officer' });
    const first = dialog.getByLabel('New password');
    expect(await first.getAttribute('type')).toBe('password');

    await first.fill('short');
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    await dialog.getByRole('alert').getByText('at least 12 characters').waitFor();

    await first.fill('a quiet harbour at dawn');
    await dialog.getByLabel('The same again').fill('a quiet harbour at dusk');
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    await dialog.getByRole('alert').getByText('differ').waitFor();

    await dialog.getByLabel('The same again').fill('a quiet harbour at dawn');
    await page.screenshot({ path: join(RESULTS, 'admin-password-dialog.png') });
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('status').getByText('demo-officer: password reset').waitFor();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('the audit filter shows the filter of the page shown, back and forward too', async () => {
    await page.goto(`${session.server.url}/admin/audit`);
    const filter = page.getByRole('form', { name: 'Filter the audit trail' });
    await filter.getByLabel('Who').fill('demo-admin');
    await filter.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/actor=demo-admin/);
    await page.getByTestId('audit-table').waitFor();
    // A time names the reader's zone, with UTC on hover.
    const time = page.getByTestId('audit-table').locator('time').first();
    expect(await time.textContent()).toMatch(/\d\d:\d\d UTC/);
    expect(await time.getAttribute('title')).toMatch(/\d\d:\d\d UTC$/);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('actor='));
    await expect.poll(() => filter.getByLabel('Who').inputValue()).toBe('');
    await page.goForward();
    await expect.poll(() => filter.getByLabel('Who').inputValue()).toBe('demo-admin');
  });
});
