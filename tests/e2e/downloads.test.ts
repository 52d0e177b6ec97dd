// Downloads in a real browser (demo data on): a chart's PNG and CSV hold what it shows, and the
// observations export arrives as a CSV file through the signed-in session.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, type SignedInSession } from './support/browser.js';

const read = async (download: Download) => readFileSync((await download.path())!);

describe('downloads', () => {
  let session: SignedInSession;
  let indicatorId: string;
  beforeAll(async () => {
    session = await openSignedIn('manager');
    indicatorId = session.server.app.store.catalogue
      .listIndicators()
      .find((i) => session.server.app.store.observations.activeReadings(i.id).length > 3)!.id;
  });
  afterAll(() => session?.close());

  it('downloads the indicator chart as a PNG and its plotted numbers as CSV', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/indicators/${indicatorId}?from=2022-01-01&to=2024-03-31&period=quarter`);
    const chart = page.getByTestId('trend-chart');
    await chart.locator('canvas').waitFor();

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: 'Download PNG' }).click()
    ]);
    expect(png.suggestedFilename()).toBe(`watchfloor-${indicatorId}-quarter-2022-01-01-2024-03-31.png`);
    const image = PNG.sync.read(await read(png));
    expect(image.width).toBeGreaterThan(300);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: 'Download CSV' }).click()
    ]);
    const rows = parse((await read(csv)).toString('utf8'), { columns: true }) as {
      series: string;
      date: string;
      value: string;
    }[];
    // One reading per quarter from 2022 Q1 to 2024 Q1, and each plotted observation.
    const readings = rows.filter((r) => r.series.startsWith('Reading'));
    expect(readings.map((r) => r.date)).toHaveLength(9);
    expect(rows.filter((r) => r.series.startsWith('Individual observations')).length).toBe(
      Number(await chart.getAttribute('data-points'))
    );
  });

  it('downloads the observations export as CSV, superseded ones included', async () => {
    const { page } = session;
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download all (CSV)' }).click()
    ]);
    expect(file.suggestedFilename()).toMatch(/^watchfloor-observations-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse((await read(file)).toString('utf8'), { columns: true }) as { indicatorId: string }[];
    expect(rows.length).toBe(session.server.app.store.observations.listByIndicator(indicatorId).length);
    expect(new Set(rows.map((r) => r.indicatorId))).toEqual(new Set([indicatorId]));
  });

  it('downloads the scenario probabilities the chart shows as CSV, one row per period and scenario', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/scenarios?from=2023-01-01&to=2023-12-31&period=quarter`);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the probabilities (CSV)' }).click()
    ]);
    expect(file.suggestedFilename()).toMatch(/^watchfloor-scenarios-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse((await read(file)).toString('utf8'), { columns: true }) as {
      period: string;
      end: string;
      scenarioId: string;
    }[];
    const scenarios = server.app.store.catalogue.listScenarios().length;
    expect(rows).toHaveLength(4 * scenarios);
    expect(rows.map((r) => r.end).filter((d, i, all) => all.indexOf(d) === i)).toEqual([
      '2023-03-31',
      '2023-06-30',
      '2023-09-30',
      '2023-12-31'
    ]);
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['quarter']));
  });
});
