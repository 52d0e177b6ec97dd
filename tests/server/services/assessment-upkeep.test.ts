// The materialised assessment against a rebuild from the evidence, on a real SQLite file.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluateWarnings } from '../../../server/jobs/evaluate-warnings.js';
import type { ObservationInput } from '../../../server/schemas/index.js';
import { rebuildAssessment } from '../../../server/services/assessment-upkeep.js';
import { recordObservations } from '../../../server/services/record-observations.js';
import { activeObservations, observationWrites } from '../../support/observation-writes.js';
import { testApp } from '../../support/test-app.js';

const NOW = new Date('2024-02-01T09:00:00Z');
const who = { now: NOW, actor: 'test' };

// Some writes fall before assessFrom.
const { write, op, reading, correction } = observationWrites('2021-08-18', 900);

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
  it('after random writes and corrections in random date order, equals a rebuild exactly, warnings too (property)', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), fc.boolean(), (ops, batched) => {
        const rows: ObservationInput[] = [];
        for (const o of ops) {
          if (o.kind === 'write') rows.push(reading(o));
          else recordObservations(t.app.store, [correction(o, activeObservations(t.db))], who);
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
        recordObservations(t.app.store, [reading(w)], who);
        const days = t.app.store.assessment.dump().days;
        recordObservations(t.app.store, [reading(w)], who);
        expect(t.app.store.assessment.dump().days).toEqual(days);
      }),
      { numRuns: 30 }
    );
  }, 120_000);
});
