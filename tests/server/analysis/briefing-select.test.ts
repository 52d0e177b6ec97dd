import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { briefingPeriod, keyIndicators, readingMove } from '../../../server/analysis/briefing-select.js';

const point = (reading: number | null, observationCount = 0) => ({
  start: '',
  end: '',
  reading,
  confidence: 1,
  carried: observationCount === 0,
  observationCount,
  quantity: null
});

describe('readingMove', () => {
  it.each([
    [[null, null], null, null, 0, 0],
    [[null, 2, 2.5], 2, 2.5, 0.5, 2],
    [[4, 4, 1], 4, 1, -3, 2]
  ])('%j → first %s, last %s, change %s', (readings, first, last, change, observations) => {
    const points = readings.map((r, i) => point(r, i > 0 && r !== null ? 1 : 0));
    expect(readingMove(points)).toEqual({ first, last, change, observations });
  });
});

describe('keyIndicators', () => {
  const candidate = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    first: fc.constant(1),
    last: fc.constant(1),
    change: fc.integer({ min: -4, max: 4 }),
    observations: fc.nat(5),
    diagnosticity: fc.double({ min: 0, max: 1, noNaN: true })
  });
  it('keeps only indicators with readings in the range, largest move first, whatever the input order (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        (candidates, limit) => {
          const chosen = keyIndicators(candidates, limit);
          expect(chosen.length).toBe(Math.min(limit, candidates.filter((c) => c.observations > 0).length));
          expect(chosen.every((c) => c.observations > 0)).toBe(true);
          chosen.slice(1).forEach((c, i) => expect(Math.abs(c.change)).toBeLessThanOrEqual(Math.abs(chosen[i].change)));
          const left = candidates.filter((c) => c.observations > 0 && !chosen.includes(c));
          if (chosen.length)
            left.forEach((c) => expect(Math.abs(c.change)).toBeLessThanOrEqual(Math.abs(chosen.at(-1)!.change)));
          expect(keyIndicators([...candidates].reverse(), limit).map((c) => c.id)).toEqual(chosen.map((c) => c.id));
        }
      )
    );
  });
});

describe('briefingPeriod', () => {
  it.each([
    ['2024-01-01', '2024-03-31', 'week'],
    ['2024-01-01', '2024-12-31', 'month'],
    ['2015-01-01', '2024-12-31', 'quarter']
  ] as const)('%s … %s by %s', (from, to, period) => expect(briefingPeriod(from, to)).toBe(period));
});
