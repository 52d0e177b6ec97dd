import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observationWeight, RELIABILITY_WEIGHT } from '../../../server/analysis/grading.js';

describe('observationWeight (README, Method: Grading)', () => {
  it.each([
    ['A', 1, 1],
    ['B', 2, 0.64],
    ['C', 3, 0.36],
    ['F', 6, 0.25], // "cannot be judged" on both axes: middle weights, not zero
    ['E', 5, 0.04]
  ] as const)('%s%s weighs %s', (r, c, w) => expect(observationWeight(r, c)).toBe(w));

  it('stays within (0, 1] for every grade', () => {
    const grade = fc.constantFrom(...(Object.keys(RELIABILITY_WEIGHT) as (keyof typeof RELIABILITY_WEIGHT)[]));
    fc.assert(
      fc.property(grade, fc.integer({ min: 1, max: 6 }), (r, c) => {
        const w = observationWeight(r, c);
        expect(w).toBeGreaterThan(0);
        expect(w).toBeLessThanOrEqual(1);
      })
    );
  });

  it('refuses a credibility outside 1–6', () => expect(() => observationWeight('A', 7)).toThrow(RangeError));
});
