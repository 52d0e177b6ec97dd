// The indicator page in a real browser against the real server (fresh database, demo data on):
// overview (its scenario picture as the API has it, the skip link) → indicator → a rejected
// observation → an accepted one → a correction.
// Needs the built SPA (`npm test` builds first) and Chromium. No sleeps: every wait is on a locator.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, RESULTS, type SignedInSession } from './support/browser.js';

describe('indicator page', () => {
  let session: SignedInSession;
  let server: SignedInSession['server'];
  let page: Page;

  beforeAll(async () => {
    // The strict content security policy must let the SPA and chart.js work: close() checks it.
    session = await openSignedIn('watch_officer');
    ({ server, page } = session);
  });

  afterAll(() => session?.close());

  it('shows families and the demo banner on the overview, then opens an indicator with a chart', async () => {
    await page.goto(`${server.url}/`);
    await page.getByText('Demonstration data').waitFor();
    await page.locator('section.family h3').first().waitFor();
    expect(await page.locator('section.family').count()).toBeGreaterThan(1);
    // The scenario picture on top: today's probabilities, confidence with its reasons, open warnings.
    const picture = page.getByTestId('scenario-picture');
    await picture.getByText(/^Leading:/).waitFor();
    expect(await picture.locator('tbody tr').count()).toBe(5);
    await picture
      .getByTestId('confidence')
      .getByText(/(high|moderate|low) confidence/)
      .waitFor();
    await picture.getByText('Open warnings:').waitFor();
    // …and it is the API's picture: the same leader, and each scenario's probability in its row.
    type Picture = { leading: string; scenarios: { title: string; probability: number }[] };
    const api = (await page.evaluate(
      "fetch('/api/overview').then((r) => r.json()).then((o) => o.scenarioPicture)"
    )) as Picture;
    expect(await picture.getAttribute('data-leading')).toBe(api.leading);
    const rows = picture.locator('tbody tr');
    for (const [k, s] of api.scenarios.entries()) {
      expect(await rows.nth(k).locator('td').first().textContent()).toContain(s.title);
      expect((await rows.nth(k).locator('td.now .num').textContent())!.trim()).toBe(
        `${Math.round(s.probability * 100)}%`
      );
    }

    // The first Tab reaches the skip link, which takes the keyboard past the header to the page.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.screenshot({ path: join(RESULTS, 'overview.png'), fullPage: true });

    // An indicator that already has readings, so its chart is drawn rather than the empty state.
    const row = page.locator('section.family tbody tr', { has: page.locator('.chip') }).first();
    const title = (await row.locator('a').first().textContent())!.trim();
    await row.locator('a').first().click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
  });

  it('opens the record form from a button within the first screen', async () => {
    const opener = page.getByRole('button', { name: 'Record observation' });
    const box = (await opener.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await opener.click();
    const form = page.getByRole('dialog').getByRole('form', { name: 'Record an observation' });
    await form.waitFor();
    // The dialog takes focus, so the officer can type at once; nothing needed scrolling.
    expect(await page.evaluate(() => scrollY)).toBe(0);
  });

  it('shows the server’s field errors beside the fields and records nothing', async () => {
    const form = page.getByRole('form', { name: 'Record an observation' });
    const rowsBefore = await page.getByTestId('observations-table').locator('tbody tr').count();

    await form.getByRole('radio').nth(3).check();
    // A report from a source not yet in the register: the picker's "New source" takes a title.
    await form.getByLabel('New source').check();
    await form.getByLabel('Source title', { exact: true }).fill('Browser test report');
    await form.getByLabel('Source reliability').selectOption('B');
    await form.getByLabel('Information credibility').selectOption('2');
    await form.getByRole('button', { name: 'Record observation' }).click();

    await expect.poll(() => form.locator('#err-rationale').textContent()).toContain('Rationale');
    expect(await form.getByLabel('Rationale').getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('alert').waitFor();
    expect(await page.getByTestId('observations-table').locator('tbody tr').count()).toBe(rowsBefore);
  });

  it('records a valid observation and updates table and chart without a reload', async () => {
    const form = page.getByRole('form', { name: 'Record an observation' });
    const chart = page.getByTestId('trend-chart');
    const pointsBefore = Number(await chart.getAttribute('data-points'));
    // A marker on window survives only if the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));

    const rationale = 'Browser test: four attacks reported in one week by two independent outlets.';
    await form.getByLabel('Rationale').fill(rationale);
    await form.getByRole('button', { name: 'Record observation' }).click();

    await form.getByRole('status').filter({ hasText: 'recorded' }).waitFor();
    const newRow = page.getByTestId('observations-table').locator('tbody tr', { hasText: rationale });
    await newRow.waitFor();
    await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBe(pointsBefore + 1);
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    // The form was reset for the next reading.
    expect(await form.getByLabel('Rationale').inputValue()).toBe('');
    await page.screenshot({ path: join(RESULTS, 'indicator-page.png'), fullPage: true });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('corrects an observation: the original is kept, struck through and marked superseded', async () => {
    const form = page.getByRole('form', { name: 'Record an observation' });
    const table = page.getByTestId('observations-table');
    const original = table.locator('tbody tr', { hasText: 'Browser test: four attacks' }).first();

    await original.getByRole('button', { name: /^Correct/ }).click();
    expect(await form.getByLabel('Rationale').inputValue()).toContain('Browser test: four attacks');
    await form.getByRole('radio').nth(2).check();
    await form.getByLabel('Rationale').fill('Browser test: corrected, only two of the attacks were confirmed.');
    await form.getByRole('button', { name: 'Record correction' }).click();

    await table.locator('tbody tr', { hasText: 'Browser test: corrected' }).waitFor();
    await table
      .locator('tbody tr.superseded', { hasText: 'Browser test: four attacks' })
      .getByText(/superseded by #\d+/)
      .waitFor();
    await page.screenshot({ path: join(RESULTS, 'indicator-page-corrected.png'), fullPage: true });
  });
});
