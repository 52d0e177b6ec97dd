// The manager's scenario view in a real browser against the real server (fresh database, demo data):
// the probability chart, where it stands, what moved, the sensitivity answer and the ACH table.
// Needs the built SPA and Chromium. No sleeps: every wait is on a locator.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, RESULTS, type SignedInSession } from './support/browser.js';

describe('scenario view', () => {
  let session: SignedInSession;
  let server: SignedInSession['server'];
  let page: Page;

  beforeAll(async () => {
    session = await openSignedIn('manager', '/scenarios');
    ({ server, page } = session);
  });

  afterAll(() => session?.close());

  it('opens with the probability chart, where it stands, what moved, the sensitivity and ACH', async () => {
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    const chart = page.getByTestId('probability-chart');
    await chart.locator('canvas').waitFor();
    // The demo data ends long before today: most periods hold no evidence and the chart says so.
    expect(Number(await chart.getAttribute('data-evidence-periods'))).toBeGreaterThan(0);
    expect(Number(await chart.getAttribute('data-evidence-periods'))).toBeLessThan(
      Number(await chart.getAttribute('data-periods'))
    );
    await chart.getByText(/hatched\s+ones hold none/).waitFor();

    await page.getByTestId('fit-summary').getByText('leading').waitFor();
    await page
      .getByTestId('fit-summary')
      .getByTestId('confidence')
      .getByText(/(high|moderate|low) confidence/)
      .waitFor();
    const moved = page.getByTestId('what-moved');
    await moved.getByText('the assessment on the latest day').waitFor();
    await moved.getByText('Nothing has arrived since').waitFor();
    expect(await moved.locator('a[href^="/indicators/"]').count()).toBeGreaterThan(0);
    await page
      .getByTestId('sensitivity')
      .getByText(/would make|No single indicator, one level different/)
      .first()
      .waitFor();
    const ach = page.getByTestId('ach-table');
    await ach.getByText('Total inconsistency').waitFor();
    await ach.getByText('fits best').first().waitFor(); // several scenarios can tie on the latest evidence
    expect(await ach.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  // One date, one number: the page shows what the API's assessment says on 1 Feb 2024.
  it('over 2022 to Feb 2024, shows the same leader and probabilities as the API on 1 Feb 2024', async () => {
    await page.goto(`${server.url}/scenarios?period=month&from=2022-01-01&to=2024-02-01`);
    const summary = page.getByTestId('fit-summary');
    await expect.poll(() => summary.getAttribute('data-at')).toBe('2024-02-01');
    await summary.getByText('1 Feb 2024').first().waitFor();
    const api = await page.evaluate(async () =>
      (await fetch('/api/scenarios/fit?period=month&from=2022-01-01&to=2024-02-01')).json()
    );
    const leader = api.assessment.leading as string;
    expect(['underground-persistence', 'contained-decline']).toContain(leader); // the documents leave IS-K weak but alive
    expect(await summary.getAttribute('data-leading')).toBe(leader);
    const leadingRow = summary.locator('tr.leading');
    expect(await leadingRow.count()).toBe(1);
    const title = api.scenarios.find((s: { id: string }) => s.id === leader).title as string;
    expect((await leadingRow.locator('a').textContent())!.trim()).toBe(title);
    await page.getByTestId('probability-chart').locator('canvas').waitFor();
    await page.screenshot({ path: join(RESULTS, 'scenario-view.png'), fullPage: true });
  });

  it('a quick range puts its dates in the URL, and a driver links to its indicator', async () => {
    await page.getByRole('button', { name: /^\d{4} – [A-Z][a-z]{2} \d{4}$/ }).click();
    await page.waitForURL(/from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}/);
    const driver = page.getByTestId('what-moved').locator('a[href^="/indicators/"]').first();
    const title = (await driver.textContent())!.trim();
    await driver.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
  });
});
