// The other analysis pages in a real browser against the real server (fresh database, demo data):
// warnings on the indicator chart, the source picker, the family page, the validator and the sources
// register. Needs the built SPA and Chromium. No sleeps: every wait is on a locator.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, RESULTS, type SignedInSession } from './support/browser.js';

describe('analysis pages', () => {
  let session: SignedInSession;
  let server: SignedInSession['server'];
  let page: Page;

  beforeAll(async () => {
    // The strict content security policy must let the SPA and chart.js work: close() checks it.
    session = await openSignedIn('watch_officer', '/indicators/tajik-taliban-isk-links');
    ({ server, page } = session);
  });

  afterAll(() => session?.close());

  it('draws the indicator’s warnings on its chart and lists them under it', async () => {
    const chart = page.getByTestId('trend-chart');
    await chart.locator('canvas').waitFor();
    expect(Number(await chart.getAttribute('data-warnings'))).toBeGreaterThan(0);
    const list = page.getByTestId('indicator-warnings');
    await list.getByText('▲ tripwire').first().waitFor();
    await list.getByText(/– now/).first().waitFor();
    await chart.screenshot({ path: join(RESULTS, 'indicator-warnings.png') });
  });

  it('records from a known source, its current grade pre-filling the reliability', async () => {
    await page.getByRole('button', { name: 'Record observation' }).click();
    const form = page.getByRole('dialog').getByRole('form', { name: 'Record an observation' });
    await form.getByLabel('Search sources by name').fill('RUSI Commentary');
    await form.getByRole('button', { name: /How Much of a Threat/ }).click();
    await form.getByText('Reliability below starts from this source’s current grade').waitFor();
    expect(await form.getByLabel('Source reliability').inputValue()).toBe('C');

    await form.getByRole('radio').nth(3).check();
    const rationale = 'Browser test: a known source, picked from the register.';
    await form.getByLabel('Rationale').fill(rationale);
    await form.getByLabel('Information credibility').selectOption('3');
    await form.getByRole('button', { name: 'Record observation' }).click();
    const row = page.getByTestId('observations-table').locator('tbody tr', { hasText: rationale });
    await row.getByText('How Much of a Threat').waitFor();
    expect(await row.getByText('C3', { exact: true }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
  });

  it('opens the family page from the indicator, with its composite chart and indicators', async () => {
    const family = (await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .locator('a[href^="/families/"]')
      .textContent())!.trim();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).locator('a[href^="/families/"]').click();
    await page.getByRole('heading', { level: 1, name: family }).waitFor();
    await page.getByTestId('family-chart').locator('canvas').waitFor();
    expect(await page.locator('section.family tbody tr').count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(RESULTS, 'family.png'), fullPage: true });
  });

  it('shows the validator’s matrix with scores, bands and scenario coverage', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Validator' }).click();
    const matrix = page.getByTestId('diagnosticity-matrix');
    await matrix.waitFor();
    expect(await page.getByTestId('scenario-coverage').count()).toBe(5);
    expect(await matrix.locator('tbody tr:not(.family)').count()).toBeGreaterThan(30);
    await page
      .getByTestId('validator-findings')
      .getByText(/diagnostic/)
      .first()
      .waitFor();
    await page
      .getByTestId('pair-finding')
      .getByText('Every pair of scenarios is separated by at least 5 indicators')
      .waitFor();
    await page.screenshot({ path: join(RESULTS, 'validator.png'), fullPage: true });
  });

  it('shows the scenario × scenario matrix: counts, the separating indicators on choosing a cell', async () => {
    const pairs = page.getByTestId('pair-matrix');
    expect(await pairs.getByTestId('pair-cell').count()).toBe(20); // 10 pairs, both halves of the matrix
    expect(await pairs.locator('[data-flagged="true"]').count()).toBe(0);
    const cell = pairs.getByRole('button', {
      name: /^Resurgence through a Taliban split or northern war versus Resurgence through a TTP alliance: \d+ separating/
    });
    expect(await cell.getAttribute('title')).toMatch(/Tajik Taliban links to IS-K/);
    await cell.click();
    const detail = page.getByTestId('pair-detail');
    await detail.getByRole('link', { name: 'TTP-IS-K cooperation in Khyber Pakhtunkhwa' }).waitFor();
    await pairs.screenshot({ path: join(RESULTS, 'validator-pairs.png') });
  });

  it('regrades a source: the new grade becomes current and the old one stays in the history', async () => {
    await page.goto(`${server.url}/sources`);
    await page
      .getByTestId('sources-table')
      .getByRole('link', { name: /The Islamic State's Khorasan Province/ })
      .click();
    const history = page.getByTestId('grade-history');
    await history.waitFor();
    const before = await history.locator('tbody tr').count();
    const form = page.getByRole('form', { name: 'Regrade the source' });
    await form.getByLabel('Reliability').selectOption('D');
    await form.getByLabel('Why').fill('Browser test: two of its claims were contradicted this month.');
    await form.getByRole('button', { name: 'Add grade' }).click();
    await form.getByRole('status').getByText('Regraded D').waitFor();
    await expect.poll(() => history.locator('tbody tr').count()).toBe(before + 1);
    expect(await history.locator('tbody tr').first().textContent()).toContain('Browser test: two of its claims');
  });
});
