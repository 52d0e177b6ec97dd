// Random writes and corrections for the property tests that hold a kept-up-to-date table (the
// assessment, the warnings) equal to one computed from scratch.
import fc from 'fast-check';
import { addDays } from '../../server/analysis/periods.js';
import type { Db } from '../../server/db/open-db.js';
import type { ObservationInput } from '../../server/schemas/index.js';

type Reliability = ObservationInput['reliability'];

/** An observation no correction has replaced: what a correction can target. */
export interface ActiveObservation {
  id: number;
  indicatorId: string;
  sourceId: number;
  reliability: Reliability;
  credibility: number;
}

/**
 * Writes dated `firstDay` + 0…`days` (clipped to `today`, so some land on the same day) on three
 * fixture indicators, and corrections of a picked active observation (three writes to one).
 */
export function observationWrites(firstDay: string, days: number, today = '2024-02-01') {
  const date = (day: number) => [addDays(firstDay, day), today].sort()[0];
  const write = fc.record({
    kind: fc.constant('write' as const),
    indicatorId: fc.constantFrom('salaries', 'transfers', 'attacks'),
    day: fc.integer({ min: 0, max: days }),
    level: fc.integer({ min: 1, max: 5 }),
    source: fc.constantFrom('Wire', 'Desk', 'Field'),
    reliability: fc.constantFrom<Reliability>('A', 'C', 'F'),
    credibility: fc.integer({ min: 1, max: 6 })
  });
  const correct = fc.record({
    kind: fc.constant('correct' as const),
    pick: fc.nat(),
    day: fc.integer({ min: 0, max: days }),
    level: fc.integer({ min: 1, max: 5 })
  });
  type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;
  type Correct = typeof correct extends fc.Arbitrary<infer C> ? C : never;
  return {
    write,
    op: fc.oneof({ arbitrary: write, weight: 3 }, { arbitrary: correct, weight: 1 }),
    /** The reading a write stands for, naming a new source by title. */
    reading: (w: Write): ObservationInput => ({
      indicatorId: w.indicatorId,
      observedAt: date(w.day),
      level: w.level,
      rationale: 'property test',
      source: { title: w.source },
      reliability: w.reliability,
      credibility: w.credibility
    }),
    /** The correction of the picked one of `active`: a new date and level, the same source and grade. */
    correction: (c: Correct, active: ActiveObservation[]): ObservationInput => {
      const target = active[c.pick % active.length];
      const { indicatorId, sourceId, reliability, credibility } = target;
      const changed = { observedAt: date(c.day), level: c.level, rationale: 'corrected', supersedes: target.id };
      return { indicatorId, sourceId, reliability, credibility, ...changed };
    }
  };
}

export const activeObservations = (db: Db) =>
  db
    .prepare(
      `SELECT o.id, o.indicator_id AS indicatorId, o.source_id AS sourceId, o.reliability, o.credibility
       FROM observations o WHERE NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id) ORDER BY o.id`
    )
    .all() as ActiveObservation[];
