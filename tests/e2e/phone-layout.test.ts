// Every page at a 390 px phone width, in a real browser against the real server with demo data:
// nothing widens the page sideways, the header menu folds behind a button that opens and closes
// (Escape too), and an officer records an observation starting from the overview.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS, launchBrowser, signInAs } from './support/browser.js';
import { startTestServer } from '../support/test-server.js';
import { EVERY_PAGE } from '../support/pages.js';

const PAGES = EVERY_PAGE;

describe('phone layout (390 px)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the sign-in page fits the screen and names the demonstration accounts', async () => {
    await page.goto(`${server.url}/login`);
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.waitFor();
    const demo = page.getByRole('region', { name: 'Demonstration accounts' });
    for (const name of ['demo-officer', 'demo-manager', 'demo-admin'])
      await demo.getByText(name, { exact: true }).waitFor();
    await demo.getByRole('button', { name: 'Use the Manager demo account' }).click();
    expect(await form.getByLabel('Username').inputValue()).toBe('demo-manager');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(RESULTS, 'phone-sign-in.png') });
    await signInAs(page, server.url, 'admin', '/');
  });

  it.each(PAGES)('%s fits the screen: no sideways scrolling of the page', async (path) => {
    await page.goto(`${server.url}${path}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await overflow()).toBeLessThanOrEqual(0);
  });

  it('the header menu folds behind a button, opens, and closes on Escape', async () => {
    await page.goto(`${server.url}/warnings`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const toggle = page.getByRole('button', { name: 'Menu' });
    expect(await nav.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Scenarios' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(RESULTS, 'phone-menu.png') });

    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');

    // Following a link closes it too.
    await toggle.click();
    await nav.getByRole('link', { name: 'Scenarios' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await nav.waitFor({ state: 'hidden' });
  });

  it('the warnings’ choose-all box says what it does, and chooses every open warning listed', async () => {
    await page.goto(`${server.url}/warnings`);
    const all = page.getByRole('checkbox', { name: 'Choose every open warning listed' });
    await all.waitFor();
    expect(await page.getByText('Choose every open warning listed').isVisible()).toBe(true);
    await all.check();
    const listed = await page
      .locator('tbody')
      .first()
      .getByRole('checkbox', { name: /^Choose warning #/ })
      .count();
    await page.getByRole('button', { name: `Acknowledge ${listed} chosen` }).waitFor();
    await all.uncheck();
  });

  it('records an observation starting from the overview', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Record observation' }).click();
    const launcher = page.getByRole('dialog', { name: 'Record an observation' });
    await launcher.getByLabel('Indicator', { exact: true }).selectOption('external-funding-flows');
    await launcher.getByRole('button', { name: 'Open the form' }).click();

    await page.waitForURL(/\/indicators\/external-funding-flows\?record/);
    const form = page.getByRole('dialog').getByRole('form', { name: 'Record an observation' });
    await form.getByRole('radio').nth(1).check();
    const rationale = 'Phone test: hawala brokers report only small sporadic transfers.';
    await form.getByLabel('Rationale').fill(rationale);
    await form.getByLabel('New source').check();
    await form.getByLabel('Source title', { exact: true }).fill('Phone test report');
    await form.getByLabel('Source reliability').selectOption('C');
    await form.getByLabel('Information credibility').selectOption('3');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await form.getByRole('button', { name: 'Record observation' }).click();
    await form.getByRole('status').filter({ hasText: 'recorded' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'phone-record.png') });
    await page.getByTestId('observations-table').getByText(rationale).first().waitFor({ state: 'attached' });
  });
});
