// The indicator chart in a real browser: the leading scenario's band by default, a short legend,
// band choice from the keyboard, and the same numbers as a table.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, RESULTS, type SignedInSession } from './support/browser.js';

describe('indicator trend chart', () => {
  let session: SignedInSession;
  let page: Page;
  const chart = () => page.getByTestId('trend-chart');

  beforeAll(async () => {
    session = await openSignedIn('manager', '/indicators/external-funding-flows');
    page = session.page;
    await chart().locator('canvas').waitFor();
  });
  afterAll(() => session?.close());

  it('shows the band of the scenario leading now, with a legend of at most six items', async () => {
    const fit = await page.evaluate(
      async () => (await (await fetch('/api/scenarios/fit')).json()) as { points: { leading: string }[] }
    );
    const leader = fit.points.at(-1)!.leading;
    await expect.poll(() => chart().getAttribute('data-band')).toBe(leader);
    const items = Number(await chart().getAttribute('data-legend-items'));
    expect(items).toBeGreaterThan(0);
    expect(items).toBeLessThanOrEqual(6);
    expect(await page.getByRole('radio', { name: /leading now/ }).isChecked()).toBe(true);
  });

  it('for a range ending in the past, shows the band of the scenario leading at its end', async () => {
    type Fit = { points: { end: string; leading: string }[] };
    const fitOf = (query: string) =>
      page.evaluate(`fetch('/api/scenarios/fit${query}').then((r) => r.json())`) as Promise<Fit>;
    const to = (await fitOf('?period=quarter')).points[2].end;
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${session.server.url}/indicators/external-funding-flows?period=month&to=${to}`);
    const expected = (await fitOf(`?period=month&to=${to}`)).points.at(-1)!.leading;
    await expect.poll(() => chart().getAttribute('data-band')).toBe(expected);
    expect(await page.getByRole('radio', { name: /leading at the range’s end/ }).isChecked()).toBe(true);
    expect(asked).toContain('/api/scenarios/fit');
    // A range running to today ends on today's assessment, whose leader the overview already carries.
    const now = (await fitOf('')).points.at(-1)!.leading;
    asked.length = 0;
    await page.goto(`${session.server.url}/indicators/external-funding-flows`);
    await expect.poll(() => chart().getAttribute('data-band')).toBe(now);
    expect(asked).toContain('/api/overview');
    expect(asked).not.toContain('/api/scenarios/fit');
    page.removeAllListeners('request');
  });

  it('changes the band from the keyboard, and shows all as a strip', async () => {
    const before = await chart().getAttribute('data-band');
    await page.getByRole('radio', { name: /leading now/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => chart().getAttribute('data-band')).not.toBe(before);
    await page.getByRole('radio', { name: 'All, as a strip beside the axis' }).check();
    await expect.poll(() => chart().getAttribute('data-band')).toBe('all');
    expect(Number(await chart().getAttribute('data-legend-items'))).toBeLessThanOrEqual(6);
    await page.screenshot({ path: join(RESULTS, 'trend-strip.png') });
  });

  it('offers the chart’s numbers as a table', async () => {
    await page.getByText(/^Chart data as a table/).click();
    const rows = page.getByTestId('trend-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);
  });

  it('offers the range as date fields once a reader reaches the range controls', async () => {
    const range = page.getByRole('group', { name: 'Chart range' });
    expect(await range.getByLabel('From').getAttribute('type')).toBe('text');
    await range.getByRole('radio', { name: 'Month' }).hover();
    await expect.poll(() => range.getByLabel('From').getAttribute('type')).toBe('date');
    expect(await range.getByLabel('To').getAttribute('type')).toBe('date');
  });

  it('keeps the band the reader picked when the range changes', async () => {
    await page.getByRole('radio', { name: 'All, as a strip beside the axis' }).check();
    await page.getByRole('group', { name: 'Chart range' }).getByRole('radio', { name: 'Quarter' }).click();
    await page.waitForURL(/period=quarter/);
    await expect.poll(() => chart().getAttribute('data-band')).toBe('all');
    expect(await page.getByRole('radio', { name: 'All, as a strip beside the axis' }).isChecked()).toBe(true);
  });
});
