// A bulk import updates the assessment and warnings once for the whole file: the assessment must be
// what recording the same rows one by one gives, on real SQLite files.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../server/analysis/periods.js';
import { runEvaluateWarnings } from '../../../server/jobs/evaluate-warnings.js';
import type { ImportRow } from '../../../server/schemas/index.js';
import { rebuildAssessment } from '../../../server/services/assessment-upkeep.js';
import { importAndEvaluate } from '../../../server/services/import-observations.js';
import { recordObservations } from '../../../server/services/record-observations.js';
import { testApp } from '../../support/test-app.js';

const NOW = new Date('2024-02-01T09:00:00Z');
const who = { now: NOW, actor: 'test', userId: null };

const row = fc.record({
  indicatorId: fc.constantFrom('salaries', 'transfers', 'attacks'),
  day: fc.integer({ min: 0, max: 900 }),
  level: fc.integer({ min: 1, max: 5 }),
  source: fc.integer({ min: 0, max: 2 }),
  reliability: fc.constantFrom('A', 'C', 'F' as const),
  credibility: fc.integer({ min: 1, max: 6 })
});
// Unique on the import's duplicate key, so neither side skips a row the other writes.
const rows = fc.uniqueArray(row, {
  minLength: 1,
  maxLength: 40,
  selector: (r) => `${r.indicatorId} ${r.day} ${r.level} ${r.source}`
});
const date = (day: number) => [addDays('2021-08-18', day), '2024-02-01'].sort()[0];

describe('bulk import upkeep', () => {
  let one: Awaited<ReturnType<typeof testApp>>;
  let bulk: Awaited<ReturnType<typeof testApp>>;
  const sourceIds: number[] = [];
  beforeAll(async () => {
    [one, bulk] = [await testApp(), await testApp()];
    for (const name of ['Wire', 'Desk', 'Field']) {
      const a = one.app.store.sources.create({ name, kind: 'other' }, who).id;
      const b = bulk.app.store.sources.create({ name, kind: 'other' }, who).id;
      expect(b).toBe(a);
      sourceIds.push(a);
    }
  });
  afterAll(async () => {
    await one.close();
    await bulk.close();
  });

  it('equals recording the rows one by one and a rebuild; its warnings equal evaluating everything (property)', () => {
    fc.assert(
      fc.property(rows, (generated) => {
        const candidates = generated.map((r, i) => ({
          line: i + 2,
          row: {
            indicatorId: r.indicatorId,
            observedAt: date(r.day),
            level: r.level,
            rationale: 'import property',
            source: sourceIds[r.source],
            reliability: r.reliability,
            credibility: r.credibility
          } satisfies ImportRow
        }));
        // Either database may already hold a row of this run from an earlier one: both skip it alike.
        const { report } = importAndEvaluate(
          bulk.app.store,
          { rows: candidates.length, candidates, rejected: [] },
          { ...who, dryRun: false }
        );
        const fresh = candidates.filter(
          ({ row: r }) => !one.app.store.imports.hasReading(r.indicatorId, r.observedAt, r.level, r.source as number)
        );
        expect(report.imported).toBe(fresh.length);
        for (const { row: r } of fresh) {
          const { source, ...rest } = r;
          recordObservations(one.app.store, [{ ...rest, sourceId: source as number }], who);
        }
        expect(bulk.app.store.assessment.dump()).toEqual(one.app.store.assessment.dump());
        const incremental = bulk.app.store.assessment.dump();
        rebuildAssessment(bulk.app.store);
        expect(bulk.app.store.assessment.dump()).toEqual(incremental);
        // The import's one warnings update leaves nothing for a full evaluation to change.
        expect(runEvaluateWarnings({ store: bulk.app.store, clock: () => NOW })).toMatchObject({
          inserted: 0,
          closed: 0,
          withdrawn: 0
        });
      }),
      { numRuns: 15 }
    );
  }, 180_000); // real transactions and rebuilds: slow on a loaded two-core machine
});
