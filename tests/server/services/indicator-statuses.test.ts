// The overview's set-based indicator status against the reference computed from every reading,
// on random evidence in a real SQLite file and through the real HTTP route.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../server/analysis/periods.js';
import { MIGRATIONS_DIR } from '../../../server/db/migrate.js';
import { createStore } from '../../../server/db/store.js';
import type { ObservationInput, Overview } from '../../../server/schemas/index.js';
import { indicatorStatuses } from '../../../server/services/indicator-statuses.js';
import { referenceIndicatorStatus } from '../../support/reference-indicator-status.js';
import { signIn } from '../../support/sign-in.js';
import { FIXED_NOW, testApp } from '../../support/test-app.js';

const TODAY = FIXED_NOW.toISOString().slice(0, 10);
const who = { now: FIXED_NOW, actor: 'test' };

const reading = fc.record({
  indicatorId: fc.constantFrom('salaries', 'transfers', 'attacks'),
  // 2015-01-01 … 2024-02-01: long enough that the sparkline window cuts history off, and a
  // cluster in a few months so one month often holds several readings of mixed grades.
  day: fc.oneof(fc.integer({ min: 0, max: 3318 }), fc.integer({ min: 3200, max: 3260 })),
  level: fc.integer({ min: 1, max: 5 }),
  source: fc.constantFrom('Wire', 'Desk', 'Field'),
  reliability: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
  credibility: fc.integer({ min: 1, max: 6 }),
  demo: fc.boolean()
});
const op = fc.oneof(
  { arbitrary: reading.map((r) => ({ kind: 'write' as const, ...r })), weight: 4 },
  {
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      pick: fc.nat(),
      day: fc.integer({ min: 0, max: 3318 }),
      level: fc.integer({ min: 1, max: 5 }),
      demo: fc.boolean()
    }),
    weight: 1
  }
);
const date = (day: number) => [addDays('2015-01-01', day), TODAY].sort()[0];

/** Observed months' weighted mean level, rounded to four decimals, straight from the readings. */
function referenceMonths(readings: { observedAt: string; level: number; weight: number }[]) {
  const months = new Map<string, { wl: number; w: number }>();
  for (const r of readings) {
    // In whole grading units, as the store keeps them, so a tie (3.90625) is not float noise.
    const units = Math.round(r.weight * 1e4);
    const m = months.get(r.observedAt.slice(0, 7)) ?? { wl: 0, w: 0 };
    months.set(r.observedAt.slice(0, 7), { wl: m.wl + units * r.level, w: m.w + units });
  }
  return [...months].map(([m, { wl, w }]) => ({ at: `${m}-01`, reading: Math.round((wl / w) * 1e4) / 1e4 }));
}

describe('indicator statuses from set-based queries', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  const reference = (store: ReturnType<typeof createStore>) =>
    new Map(
      store.catalogue.listIndicators().map((i) => [
        i.id,
        referenceIndicatorStatus({
          readings: store.observations.activeReadings(i.id),
          levels: i.levels,
          cadenceDays: i.cadenceDays,
          today: TODAY
        })
      ])
    );

  const weight = `(CASE o.reliability WHEN 'A' THEN 100 WHEN 'B' THEN 80 WHEN 'C' THEN 60 WHEN 'D' THEN 40 WHEN 'E' THEN 20 WHEN 'F' THEN 50 END)
    * (CASE o.credibility WHEN 1 THEN 100 WHEN 2 THEN 80 WHEN 3 THEN 60 WHEN 4 THEN 40 WHEN 5 THEN 20 WHEN 6 THEN 50 END)`;
  const keptSums = () =>
    t.db
      .prepare(
        `SELECT indicator_id, view, month, weighted_levels, weight, readings FROM indicator_months
    WHERE readings > 0 ORDER BY 1, 2, 3`
      )
      .all();
  /** What the migration's backfill computes: the sums the triggers must keep. */
  const recomputedSums = () =>
    t.db
      .prepare(
        `SELECT o.indicator_id, v.view, substr(o.observed_at, 1, 7) || '-01' AS month,
      sum(${weight} * o.level) AS weighted_levels, sum(${weight}) AS weight, count(*) AS readings
    FROM observations o JOIN (SELECT 'all' AS view UNION ALL SELECT 'real') v ON v.view = 'all' OR o.demo = 0
    WHERE NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id AND (v.view = 'all' OR c.demo = 0))
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`
      )
      .all();

  it('equal the status computed from every reading, with and without demonstration rows; the kept sums equal a recount (property)', () => {
    const stores = [createStore(t.db, { includeDemo: true }), createStore(t.db, { includeDemo: false })];
    expect(indicatorStatuses(stores[0], TODAY)).toEqual(reference(stores[0])); // no evidence: every indicator 'none'
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 15 }), (ops) => {
        for (const o of ops) {
          if (o.kind === 'write') {
            const input: ObservationInput = {
              indicatorId: o.indicatorId,
              observedAt: date(o.day),
              level: o.level,
              rationale: 'property test',
              source: { title: o.source },
              reliability: o.reliability,
              credibility: o.credibility
            };
            stores[0].observations.record(input, { ...who, demo: o.demo });
            continue;
          }
          const active = stores[0].catalogue
            .listIndicators()
            .flatMap((i) => stores[0].observations.listByIndicator(i.id))
            .filter((x) => x.supersededBy === null);
          if (!active.length) continue;
          const target = active[o.pick % active.length];
          stores[0].observations.record(
            {
              indicatorId: target.indicatorId,
              observedAt: date(o.day),
              level: o.level,
              rationale: 'corrected',
              sourceId: target.source.id,
              reliability: target.reliability,
              credibility: target.credibility,
              supersedes: target.id
            },
            { ...who, demo: o.demo }
          );
        }
        for (const store of stores) {
          expect(indicatorStatuses(store, TODAY)).toEqual(reference(store));
          // The warnings read the same kept sums: months and dates as the readings give them.
          for (const i of store.catalogue.listIndicators()) {
            const readings = store.observations.activeReadings(i.id);
            expect(store.observations.observedDates(i.id)).toEqual([...new Set(readings.map((r) => r.observedAt))]);
            expect(store.observations.monthlyReadings(i.id).map(({ at, reading }) => ({ at, reading }))).toEqual(
              referenceMonths(readings)
            );
          }
        }
        expect(keptSums()).toEqual(recomputedSums());
      }),
      { numRuns: 40 }
    );
  });

  it("the migration's backfill gives the same sums and days as the triggers kept", () => {
    const kept = [keptSums(), t.db.prepare('SELECT * FROM indicator_days WHERE readings > 0 ORDER BY 1, 2, 3').all()];
    expect(kept[0].length).toBeGreaterThan(0);
    const file = readFileSync(join(MIGRATIONS_DIR, '0010_indicator_sums.sql'), 'utf8');
    const backfill = file.split(/\n\n/).filter((chunk) => chunk.startsWith('INSERT INTO indicator_'));
    expect(backfill).toHaveLength(2);
    t.db.transaction(() => {
      t.db.exec('DELETE FROM indicator_months; DELETE FROM indicator_days;');
      for (const statement of backfill) t.db.exec(statement);
    })();
    expect([
      keptSums(),
      t.db.prepare('SELECT * FROM indicator_days WHERE readings > 0 ORDER BY 1, 2, 3').all()
    ]).toEqual(kept);
  });

  it('GET /api/overview shows every indicator with exactly that status', async () => {
    const officer = await signIn(t.app, 'watch_officer', 'status-officer');
    const response = await officer.inject({ method: 'GET', url: '/api/overview' });
    expect(response.statusCode).toBe(200);
    const shown = (response.json() as Overview).families.flatMap((f) => f.indicators);
    const expected = reference(t.app.store);
    expect(shown.length).toBe(expected.size);
    expect(shown.some((i) => i.spark.length > 0)).toBe(true);
    for (const i of shown) {
      const { latest, ageDays, freshness, spark } = i;
      expect({ latest, ageDays, freshness, spark }).toEqual(expected.get(i.id));
    }
  });
});
