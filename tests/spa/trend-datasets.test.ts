// The indicator chart's datasets, built from the API's own answers on the demonstration data: one
// band at a time (or all as a strip), a line that ends at the last reading, and a short legend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDetail, Observation, Series, Warning } from '../../server/schemas/index.js';
import { LEGEND_ROLES, trendDatasets, type TrendInput } from '../../src/lib/charts/trend-datasets.js';
import { testApp } from '../support/test-app.js';
import { signIn } from '../support/sign-in.js';
import { REAL_CATALOGUE } from '../support/test-catalogue.js';

const INDICATOR = 'external-funding-flows';

describe('trendDatasets', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let input: Omit<TrendInput, 'bandChoice'>;

  beforeAll(async () => {
    t = await testApp({ demo: true, catalogueDir: REAL_CATALOGUE });
    const reader = await signIn(t.app, 'manager');
    const get = async <T>(url: string) => (await reader.inject({ method: 'GET', url })).json() as T;
    input = {
      indicator: await get<IndicatorDetail>(`/api/indicators/${INDICATOR}`),
      series: await get<Series>(`/api/indicators/${INDICATOR}/series?period=quarter&from=2015-01-01&to=2024-12-31`),
      observations: await get<Observation[]>(`/api/indicators/${INDICATOR}/observations`),
      warnings: await get<Warning[]>(`/api/warnings?indicatorId=${INDICATOR}&state=all`)
    };
  });
  afterAll(() => t?.close());

  it('shades only the chosen scenario’s band, or every band as a strip', () => {
    const bands = input.indicator.bands;
    expect(bands.length).toBeGreaterThan(1);
    const one = trendDatasets({ ...input, bandChoice: bands[1].scenarioId }).filter((d) => d.role === 'band');
    expect(one.map((d) => d.band)).toEqual([bands[1].band]);
    const strip = trendDatasets({ ...input, bandChoice: 'all' }).filter((d) => d.role === 'band');
    expect(strip.map((d) => d.stripIndex)).toEqual(bands.map((_, i) => i));
  });

  it('ends the reading line at the last observed period: nothing is drawn after it', () => {
    const reading = trendDatasets({ ...input, bandChoice: undefined }).find((d) => d.role === 'reading')!;
    const lastObserved = input.series.points.findLastIndex((p) => p.reading !== null && !p.carried);
    expect(lastObserved).toBeGreaterThan(0);
    expect(reading.data.findLastIndex((p) => p.y !== null)).toBe(lastObserved);
    expect(reading.data).toHaveLength(input.series.points.length);
  });

  it('gives the legend at most six entries, whatever the band choice', () => {
    for (const choice of [undefined, 'all', ...input.indicator.bands.map((b) => b.scenarioId)]) {
      const shown = trendDatasets({ ...input, bandChoice: choice }).filter(
        (d) => LEGEND_ROLES.includes(d.role) && d.stripIndex === undefined
      );
      expect(new Set(shown.map((d) => d.role)).size).toBeLessThanOrEqual(6);
    }
  });
});
