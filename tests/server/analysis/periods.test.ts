import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, countPeriods, daysBetween, periodOf, periodsBetween } from '../../../server/analysis/periods.js';

describe('periodOf', () => {
  it.each([
    ['2024-02-29', 'day', '2024-02-29', '2024-02-29'],
    ['2023-11-01', 'week', '2023-10-30', '2023-11-05'], // a Wednesday: its week starts Monday
    ['2023-10-30', 'week', '2023-10-30', '2023-11-05'],
    ['2023-11-05', 'week', '2023-10-30', '2023-11-05'], // Sunday closes the week
    ['2024-02-10', 'month', '2024-02-01', '2024-02-29'], // leap year
    ['2023-02-10', 'month', '2023-02-01', '2023-02-28'],
    ['2023-05-17', 'quarter', '2023-04-01', '2023-06-30'],
    ['2023-12-31', 'quarter', '2023-10-01', '2023-12-31']
  ] as const)('%s in a %s → %s … %s', (date, kind, start, end) => {
    expect(periodOf(date, kind)).toEqual({ start, end });
  });
});

describe('periodsBetween', () => {
  it('lists consecutive periods covering the range', () => {
    expect(periodsBetween('2023-11-15', '2024-01-02', 'month').map((p) => p.start)).toEqual([
      '2023-11-01',
      '2023-12-01',
      '2024-01-01'
    ]);
  });

  const date = fc.integer({ min: 0, max: 365 * 30 }).map((d) => addDays('2000-01-01', d));
  it('tiles the range without gaps or overlaps, and countPeriods agrees', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom('day', 'week', 'month', 'quarter'),
        (from, span, kind) => {
          const to = addDays(from, span);
          const spans = periodsBetween(from, to, kind);
          expect(spans[0].start <= from && from <= spans[0].end).toBe(true);
          expect(spans.at(-1)!.start <= to && to <= spans.at(-1)!.end).toBe(true);
          spans.slice(1).forEach((p, i) => expect(daysBetween(spans[i].end, p.start)).toBe(1));
          expect(countPeriods(from, to, kind)).toBe(spans.length);
        }
      )
    );
  });
});
