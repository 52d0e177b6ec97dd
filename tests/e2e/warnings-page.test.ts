// The warnings page in a real browser against the real server (fresh database, demo data): the demo
// data's warnings, filters held in the URL, links to the chart, and acknowledging as an admin.
// Needs the built SPA and Chromium. No sleeps: every wait is on a locator.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, RESULTS, type SignedInSession } from './support/browser.js';

describe('warnings page', () => {
  let session: SignedInSession;
  let server: SignedInSession['server'];
  let page: Page;
  const rows = () => page.getByTestId('warnings-table').locator('tbody tr');

  beforeAll(async () => {
    session = await openSignedIn('admin', '/warnings');
    ({ server, page } = session);
  });

  afterAll(() => session?.close());

  it('lists the demo data’s open warnings; filtering by kind narrows the list and goes into the URL', async () => {
    await page.getByRole('heading', { level: 1, name: 'Warnings' }).waitFor();
    await rows().first().waitFor();
    const all = await rows().count();
    expect(all).toBeGreaterThan(1);

    await page.getByLabel('Kind').selectOption('tripwire');
    await page.waitForURL(/kind=tripwire/);
    await expect.poll(() => rows().count()).toBeLessThan(all);
    expect(await rows().count()).toBeGreaterThan(0);
    const kinds = await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['tripwire']));
    await page.screenshot({ path: join(RESULTS, 'warnings.png'), fullPage: false });
  });

  it('a row links to its indicator, and to the chart around the warning’s date', async () => {
    const first = rows().first();
    const title = (await first.locator('a.subject-link').textContent())!.trim();
    const chartLink = await first.getByRole('link', { name: 'On the chart →' }).getAttribute('href');
    expect(chartLink).toMatch(/^\/indicators\/[^?]+\?period=month&from=\d{4}-\d{2}-\d{2}/);

    await first.locator('a.subject-link').click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.goBack();
    await rows().first().waitFor();

    await page.goto(`${server.url}${chartLink}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const chart = page.getByTestId('trend-chart');
    await chart.locator('canvas').waitFor();
    expect(Number(await chart.getAttribute('data-warnings'))).toBeGreaterThan(0);
    await page.goBack();
    await rows().first().waitFor();
  });

  it('acknowledging a warning (as admin) moves it from open to acknowledged', async () => {
    const first = rows().first();
    const id = await first.getAttribute('data-warning-id');
    const before = await rows().count();
    await first.getByRole('button', { name: 'Acknowledge' }).click();
    const dialog = page.getByRole('dialog', { name: `Acknowledge warning #${id}` });
    // A reason is required: without one the dialog says so and nothing is sent.
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await dialog.getByRole('alert').getByText('Say why').waitFor();
    await dialog.getByLabel('Why').fill('Seen in the morning brief; analyst assigned.');
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('status').getByText(`Warning #${id} acknowledged`).waitFor();
    await expect.poll(() => rows().count()).toBe(before - 1);
    expect(await page.locator(`tr[data-warning-id="${id}"]`).count()).toBe(0);

    await page.getByLabel('State').selectOption('acknowledged');
    await page.waitForURL(/state=acknowledged/);
    const row = page.locator(`tr[data-warning-id="${id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('warning-state').textContent()).toMatch(/^acknowledged .* by demo-admin/);
    await row.getByText('Seen in the morning brief; analyst assigned.').waitFor();
    expect(await row.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
  });

  it('groups staleness by family and acknowledges several at once with one note', async () => {
    await page.goto(`${server.url}/warnings`);
    const groups = page.getByTestId('staleness-groups');
    const family = groups.locator('details').first();
    await family.locator('summary').click();
    const choose = family.getByRole('checkbox', { name: /^Choose all \d+ open in/ });
    // The list renders when its family opens: wait for it before counting.
    await family.locator('li input[type=checkbox]').first().waitFor();
    const n = await family.locator('li input[type=checkbox]').count();
    expect(n).toBeGreaterThan(0);
    await choose.check();
    // Not a novelty warning: the empty-list test below relies on none being acknowledged.
    const other = rows().and(page.locator(':not([data-kind="novelty"])')).first();
    await other.getByRole('checkbox').check();
    const tripwireId = await other.getAttribute('data-warning-id');
    const chosen = n + 1;
    await page.getByRole('button', { name: `Acknowledge ${chosen} chosen` }).click();
    const dialog = page.getByRole('dialog', { name: `Acknowledge ${chosen} warnings` });
    await dialog.getByLabel('Why').fill('Known collection gap: field office tasked.');
    await page.screenshot({ path: join(RESULTS, 'warnings-bulk.png') });
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByRole('status').getByText(`${chosen} warnings acknowledged`).waitFor();
    await expect.poll(() => page.locator(`tr[data-warning-id="${tripwireId}"]`).count()).toBe(0);

    await page.goto(`${server.url}/warnings?state=acknowledged`);
    const row = page.locator(`tr[data-warning-id="${tripwireId}"]`);
    await row.getByText('Known collection gap: field office tasked.').waitFor();
    // A family's list renders when opened.
    const summaries = page.getByTestId('staleness-groups').locator('summary');
    for (const summary of await summaries.all()) await summary.click();
    await expect.poll(() => page.getByTestId('staleness-groups').locator('li').count()).toBeGreaterThanOrEqual(n);
  });

  it('filters by severity, with counts', async () => {
    await page.goto(`${server.url}/warnings?state=all`);
    await page.getByLabel('Severity').selectOption('high');
    await page.waitForURL(/severity=high/);
    await rows().first().waitFor();
    const severities = await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-severity')));
    expect(new Set(severities)).toEqual(new Set(['high']));
    expect(await page.getByTestId('staleness-groups').count()).toBe(0);
  });

  it('explains an empty list', async () => {
    await page.goto(`${server.url}/warnings?state=acknowledged&kind=novelty`);
    await page.getByTestId('warnings-empty').getByText('No warnings match these filters').waitFor();
  });
});
