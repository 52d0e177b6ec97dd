// Charts draw in the chart worker, off the page's thread: what a reader notices is that they still
// answer the pointer (tooltips), follow the page's width, and that chart.js never loads in the page.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, type SignedInSession } from './support/browser.js';

describe('charts drawn in the chart worker', () => {
  let session: SignedInSession;
  let chart: Locator;
  const scripts = () =>
    session.page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name.split('/').pop()!));

  beforeAll(async () => {
    session = await openSignedIn('manager', '/families/funding');
    chart = session.page.getByTestId('family-chart');
    await chart.scrollIntoViewIfNeeded();
    await session.page.locator('[data-testid=family-chart][data-drawn=true]').waitFor();
  });
  afterAll(() => session?.close());

  it('draws in a worker, and the page itself never loads chart.js', async () => {
    expect(session.page.workers().some((w) => w.url().includes('chart-worker'))).toBe(true);
    // The worker's bundle carries chart.js; the page's scripts must not.
    const pageScripts = await scripts();
    const workerScript = pageScripts.find((s) => s.startsWith('chart-worker'));
    expect(workerScript).toBeDefined();
    const sizes = await session.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js') && !r.name.includes('chart-worker'))
        .map((r) => (r as PerformanceResourceTiming).decodedBodySize)
    );
    // chart.js alone is ~200 KB: no script of the page's comes near it.
    expect(Math.max(...sizes)).toBeLessThan(120_000);
  });

  it('shows a tooltip where the pointer rests', async () => {
    const canvas = chart.locator('canvas');
    const before = await canvas.screenshot();
    const box = (await canvas.boundingBox())!;
    await session.page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    await expect.poll(async () => (await canvas.screenshot()).equals(before)).toBe(false);
    await session.page.mouse.move(box.x + box.width * 0.6, box.y + box.height + 200);
    await expect.poll(async () => (await canvas.screenshot()).equals(before)).toBe(true);
  });

  it('redraws at the new width when the page narrows', async () => {
    const canvas = chart.locator('canvas');
    const wide = await canvas.evaluate((c: HTMLCanvasElement) => c.width);
    await session.page.setViewportSize({ width: 700, height: 900 });
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBeLessThan(wide);
    await session.page.setViewportSize({ width: 1280, height: 900 });
  });
});
