// The materialised assessment against a rebuild from the evidence, on a real SQLite file.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../server/analysis/periods.js';
import { runEvaluateWarnings } from '../../../server/jobs/evaluate-warnings.js';
import type { ObservationInput } from '../../../server/schemas/index.js';
import { rebuildAssessment } from '../../../server/services/assessment-upkeep.js';
import { recordObservations } from '../../../server/services/record-observations.js';
import { testApp } from '../../support/test-app.js';

const NOW = new Date('2024-02-01T09:00:00Z');
const who = { now: NOW, actor: 'test' };

const write = fc.record({
  indicatorId: fc.constantFrom('salaries', 'transfers', 'attacks'),
  day: fc.integer({ min: 0, max: 900 }), // 2021-08-18 … 2024-02-03 clipped to today; some before assessFrom
  level: fc.integer({ min: 1, max: 5 }),
  source: fc.constantFrom('Wire', 'Desk', 'Field'),
  reliability: fc.constantFrom('A', 'C', 'F'),
  credibility: fc.integer({ min: 1, max: 6 })
});
const op = fc.oneof(
  { arbitrary: write.map((w) => ({ kind: 'write' as const, ...w })), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      pick: fc.nat(),
      day: fc.integer({ min: 0, max: 900 }),
      level: fc.integer({ min: 1, max: 5 })
    }),
    weight: 1
  }
);
const date = (day: number) => [addDays('2021-08-18', day), '2024-02-01'].sort()[0];
const input = (w: {
  indicatorId: string;
  day: number;
  level: number;
  source: string;
  reliability: string;
  credibility: number;
}): ObservationInput => ({
  indicatorId: w.indicatorId,
  observedAt: date(w.day),
  level: w.level,
  rationale: 'property test',
  source: { title: w.source },
  reliability: w.reliability as ObservationInput['reliability'],
  credibility: w.credibility
});

describe('materialised assessment', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp({ demo: true });
  });

  it('boots without rebuilding when nothing changed, and rebuilds when the evidence changed behind its back', async () => {
    const again = await testApp({ dbFile: t.db.name, demo: true });
    expect(again.report.assessmentRebuilt).toBe(false);
    again.db
      .prepare(
        `INSERT INTO observations (indicator_id, observed_at, level, rationale, source_id, reliability, credibility, recorded_at)
      VALUES ('attacks', '2023-12-01', 5, 'written around the service', 1, 'B', 2, '2024-01-01')`
      )
      .run();
    await again.close();
    const third = await testApp({ dbFile: t.db.name, demo: true });
    expect(third.report.assessmentRebuilt).toBe(true);
    await third.close();
  });
  afterAll(() => t.close());
  const active = () =>
    t.db
      .prepare(
        `SELECT o.id, o.indicator_id AS indicatorId, o.source_id AS sourceId, o.reliability, o.credibility
    FROM observations o WHERE NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id) ORDER BY o.id`
      )
      .all() as {
      id: number;
      indicatorId: string;
      sourceId: number;
      reliability: ObservationInput['reliability'];
      credibility: number;
    }[];

  it('after random writes and corrections in random date order, equals a rebuild exactly, warnings too (property)', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), fc.boolean(), (ops, batched) => {
        const rows: ObservationInput[] = [];
        for (const o of ops) {
          if (o.kind === 'write') rows.push(input(o));
          else {
            const list = active();
            const target = list[o.pick % list.length];
            const correction = {
              indicatorId: target.indicatorId,
              observedAt: date(o.day),
              level: o.level,
              rationale: 'corrected',
              sourceId: target.sourceId,
              reliability: target.reliability,
              credibility: target.credibility,
              supersedes: target.id
            };
            recordObservations(t.app.store, [correction], who);
          }
          if (!batched && rows.length) recordObservations(t.app.store, rows.splice(0), who);
        }
        if (rows.length) recordObservations(t.app.store, rows, who); // a bulk import: one update from the earliest date
        const incremental = t.app.store.assessment.dump();
        rebuildAssessment(t.app.store);
        expect(t.app.store.assessment.dump()).toEqual(incremental);
        // Warnings updated only for what each write touched agree with evaluating everything.
        expect(runEvaluateWarnings({ store: t.app.store, clock: () => NOW })).toMatchObject({
          inserted: 0,
          closed: 0,
          withdrawn: 0
        });
      }),
      { numRuns: 25 }
    );
  }, 120_000); // dozens of real transactions and rebuilds: slow on a loaded two-core machine

  it('a duplicate reading (same indicator, source, date, level and grade) changes nothing (property)', () => {
    fc.assert(
      fc.property(write, (w) => {
        recordObservations(t.app.store, [input(w)], who);
        const days = t.app.store.assessment.dump().days;
        recordObservations(t.app.store, [input(w)], who);
        expect(t.app.store.assessment.dump().days).toEqual(days);
      }),
      { numRuns: 30 }
    );
  }, 120_000);
});
