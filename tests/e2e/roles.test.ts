// Each role signs in through the login page and sees only what it may do (the server enforces
// the same rules; tests/server/security checks that side).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.js';
import { launchBrowser, RESULTS, signInAs, watchCsp } from './support/browser.js';

describe('what each role sees', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const violations: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(violations).toEqual([]);
  });

  async function pageFor(role: 'watch_officer' | 'manager' | 'admin', path: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    violations.push(...watchCsp(page));
    await signInAs(page, server.url, role, path);
    return page;
  }
  const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
  const indicatorPath = '/indicators/monthly-attacks';

  it('an anonymous visitor is sent to sign in and sees no data', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/scenarios`);
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    expect(page.url()).toContain('/login?next=%2Fscenarios');
    expect(await page.getByText('Demonstration data').count()).toBe(0);
    const wrong = page.getByRole('form', { name: 'Sign in' });
    await wrong.getByLabel('Username').fill('demo-admin');
    await wrong.getByLabel('Password').fill('not-the-right-password');
    await wrong.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('wrong username or password').waitFor();
  });

  it('a watch officer records and corrects, but has no administration', async () => {
    const page = await pageFor('watch_officer', indicatorPath);
    await page.getByRole('button', { name: 'Record observation' }).click();
    await page.getByRole('dialog').getByRole('form', { name: 'Record an observation' }).waitFor();
    await page.keyboard.press('Escape');
    expect(
      await page.getByTestId('observations-table').getByRole('button', { name: 'Correct' }).count()
    ).toBeGreaterThan(0);
    expect(await nav(page).getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav(page).getByRole('link', { name: 'Audit' }).count()).toBe(0);
  });

  it('a manager reads everything but is offered no recording or correcting', async () => {
    const page = await pageFor('manager', indicatorPath);
    await page.getByTestId('observations-table').waitFor();
    expect(await page.getByRole('form', { name: 'Record an observation' }).count()).toBe(0);
    expect(await page.getByTestId('observations-table').getByRole('button', { name: 'Correct' }).count()).toBe(0);
    await page.getByText('your role reads them').waitFor();
    expect(await nav(page).getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'manager-indicator.png') });
  });

  it('an admin manages users and reads the audit trail, which shows these sign-ins', async () => {
    const page = await pageFor('admin', '/');
    await nav(page).getByRole('link', { name: 'Users' }).click();
    const users = page.getByTestId('users-table');
    await users.getByRole('cell', { name: 'demo-officer', exact: true }).waitFor();
    expect(await users.locator('tbody tr').count()).toBe(3);
    await page.screenshot({ path: join(RESULTS, 'admin-users.png') });
    await nav(page).getByRole('link', { name: 'Audit' }).click();
    const audit = page.getByTestId('audit-table');
    await audit.getByText('auth.login_failed').first().waitFor();
    expect(await audit.getByText('auth.login', { exact: true }).count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(RESULTS, 'admin-audit.png') });
    // Three page loads on a machine shared with the rest of the suite: allow them the time.
  }, 60_000);

  it('signing out ends the session: the app asks to sign in again', async () => {
    const page = await pageFor('manager', '/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    await page.goto(`${server.url}/`);
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
  });
});
