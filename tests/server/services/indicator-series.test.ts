// One indicator's series read over its window only, against the series over every reading.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../server/analysis/periods.js';
import { indicatorSeries } from '../../../server/analysis/series.js';
import type { ObservationInput } from '../../../server/schemas/index.js';
import { windowedSeries } from '../../../server/services/indicator-series.js';
import { recordObservations } from '../../../server/services/record-observations.js';
import { testApp } from '../../support/test-app.js';

const NOW = new Date('2024-02-01T09:00:00Z');
const IDS = ['salaries', 'transfers', 'attacks'];
const reading = fc.record({
  indicatorId: fc.constantFrom(...IDS),
  day: fc.integer({ min: 0, max: 1500 }),
  level: fc.integer({ min: 1, max: 5 }),
  quantity: fc.option(fc.integer({ min: 0, max: 50 })),
  reliability: fc.constantFrom('A', 'C', 'F'),
  credibility: fc.integer({ min: 1, max: 6 }),
  correctsPrevious: fc.boolean()
});
const window = fc.record({
  indicatorId: fc.constantFrom(...IDS),
  from: fc.integer({ min: -100, max: 1600 }),
  length: fc.integer({ min: 0, max: 800 }),
  period: fc.constantFrom('week' as const, 'month' as const, 'quarter' as const)
});
const date = (day: number) => [addDays('2019-12-01', day), '2024-02-01'].sort()[0];

describe('windowed indicator series', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp({ demo: true });
  });
  afterAll(() => t.close());

  it('equals the series over every active reading, for random readings, corrections and windows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(reading, { maxLength: 8 }),
        fc.array(window, { minLength: 1, maxLength: 4 }),
        (rows, windows) => {
          for (const r of rows) {
            const input: ObservationInput = {
              indicatorId: r.indicatorId,
              observedAt: date(r.day),
              level: r.level,
              quantity: r.quantity ?? undefined,
              rationale: 'property test',
              source: { title: 'Wire' },
              reliability: r.reliability as ObservationInput['reliability'],
              credibility: r.credibility
            };
            const latest = t.app.store.observations.listByIndicator(r.indicatorId).find((o) => o.supersededBy === null);
            recordObservations(
              t.app.store,
              [r.correctsPrevious && latest ? { ...input, supersedes: latest.id } : input],
              { now: NOW, actor: 'test' }
            );
          }
          for (const w of windows) {
            const indicator = t.app.store.catalogue.getIndicator(w.indicatorId)!;
            const all = t.app.store.observations.activeReadings(w.indicatorId);
            expect(t.app.store.observations.firstObservedAt(w.indicatorId)).toBe(all[0]?.observedAt ?? null);
            const span = {
              from: addDays('2019-12-01', w.from),
              to: addDays('2019-12-01', w.from + w.length),
              period: w.period
            };
            expect(windowedSeries(t.app.store, indicator, span)).toEqual(
              indicatorSeries({ readings: all, ...span, cadenceDays: indicator.cadenceDays })
            );
          }
        }
      ),
      { numRuns: 40 }
    );
  });
});
