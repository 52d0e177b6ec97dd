// Warnings a write updates over its window only, against a database that evaluates everything after every write.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluateWarnings } from '../../../server/jobs/evaluate-warnings.js';
import type { ObservationInput } from '../../../server/schemas/index.js';
import { rebuildAssessment } from '../../../server/services/assessment-upkeep.js';
import { recordObservations } from '../../../server/services/record-observations.js';
import { activeObservations, observationWrites } from '../../support/observation-writes.js';
import { testApp } from '../../support/test-app.js';

// Novelty's three years and more.
const { op, reading, correction } = observationWrites('2019-09-14', 1600);

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
          if (o.kind === 'write') rows.push(reading(o));
          else record([correction(o, activeObservations(incremental.db))]);
          if (!batched && rows.length) record(rows.splice(0));
          expect(incremental.db.prepare(WARNINGS).all()).toEqual(reference.db.prepare(WARNINGS).all());
        }
        if (rows.length) record(rows); // a bulk import: several indicators, each from its own earliest date
        expect(incremental.db.prepare(WARNINGS).all()).toEqual(reference.db.prepare(WARNINGS).all());
      }),
      { numRuns: 25 }
    );
  }, 120_000); // dozens of real transactions on two databases: slow on a loaded two-core machine
});
