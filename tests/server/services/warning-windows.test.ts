// Warnings a write updates over its window only, against a database that evaluates everything after every write.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../server/analysis/periods.js';
import type { Db } from '../../../server/db/open-db.js';
import { runEvaluateWarnings } from '../../../server/jobs/evaluate-warnings.js';
import type { ObservationInput } from '../../../server/schemas/index.js';
import { rebuildAssessment } from '../../../server/services/assessment-upkeep.js';
import { recordObservations } from '../../../server/services/record-observations.js';
import { testApp } from '../../support/test-app.js';

const write = fc.record({
  kind: fc.constant('write' as const),
  indicatorId: fc.constantFrom('salaries', 'transfers', 'attacks'),
  day: fc.integer({ min: 0, max: 1600 }), // 2019-09-14 … 2024-02-01 (clipped to today): novelty's three years and more
  level: fc.integer({ min: 1, max: 5 }),
  source: fc.constantFrom('Wire', 'Desk', 'Field'),
  reliability: fc.constantFrom('A', 'C', 'F'),
  credibility: fc.integer({ min: 1, max: 6 })
});
const correct = fc.record({
  kind: fc.constant('correct' as const),
  pick: fc.nat(),
  day: fc.integer({ min: 0, max: 1600 }),
  level: fc.integer({ min: 1, max: 5 })
});
const op = fc.oneof({ arbitrary: write, weight: 3 }, { arbitrary: correct, weight: 1 });
const date = (day: number) => [addDays('2019-09-14', day), '2024-02-01'].sort()[0];

const WARNINGS = `SELECT fingerprint, kind, indicator_id, scenario_id, at, until, level, cause, detected_at, resolved_at
  FROM warnings ORDER BY fingerprint`;

describe('warnings after a write, evaluated over its window only', () => {
  let incremental: Awaited<ReturnType<typeof testApp>>;
  let reference: Awaited<ReturnType<typeof testApp>>;
  let minute = 0;
  const now = () => new Date(Date.parse('2024-02-01T00:00:00Z') + minute * 60_000); // the same day, later each write
  beforeAll(async () => {
    incremental = await testApp({ demo: true });
    reference = await testApp({ demo: true });
  });
  afterAll(async () => {
    await incremental.close();
    await reference.close();
  });
  const active = (db: Db) =>
    db
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

  /** The same rows, recorded as a write does here and followed by a full evaluation there. */
  function record(rows: ObservationInput[]) {
    minute += 1;
    recordObservations(incremental.app.store, rows, { now: now(), actor: 'test' });
    reference.app.store.observations.recordAll(rows, { now: now(), actor: 'test' });
    rebuildAssessment(reference.app.store);
    runEvaluateWarnings({ store: reference.app.store, clock: now });
  }

  it('store the same warnings as evaluating everything after each write, for random writes and corrections in random date order (property)', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 10 }), fc.boolean(), (ops, batched) => {
        const rows: ObservationInput[] = [];
        for (const o of ops) {
          if (o.kind === 'write') {
            rows.push({
              indicatorId: o.indicatorId,
              observedAt: date(o.day),
              level: o.level,
              rationale: 'property test',
              source: { title: o.source },
              reliability: o.reliability as ObservationInput['reliability'],
              credibility: o.credibility
            });
          } else {
            const list = active(incremental.db);
            const target = list[o.pick % list.length];
            record([
              {
                indicatorId: target.indicatorId,
                observedAt: date(o.day),
                level: o.level,
                rationale: 'corrected',
                sourceId: target.sourceId,
                reliability: target.reliability,
                credibility: target.credibility,
                supersedes: target.id
              }
            ]);
          }
          if (!batched && rows.length) record(rows.splice(0));
          expect(incremental.db.prepare(WARNINGS).all()).toEqual(reference.db.prepare(WARNINGS).all());
        }
        if (rows.length) record(rows); // a bulk import: several indicators, each from its own earliest date
        expect(incremental.db.prepare(WARNINGS).all()).toEqual(reference.db.prepare(WARNINGS).all());
      }),
      { numRuns: 25 }
    );
  });
});
