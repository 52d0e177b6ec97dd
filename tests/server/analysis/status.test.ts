import { describe, expect, it } from 'vitest';
import { distinguishesScenarios } from '../../../server/analysis/bands.js';
import { freshness } from '../../../server/analysis/freshness.js';
import { referenceIndicatorStatus as indicatorStatus } from '../../support/reference-indicator-status.js';

describe('freshness', () => {
  it.each([
    [null, 30, 'none'],
    [0, 30, 'fresh'],
    [22, 30, 'fresh'],
    [23, 30, 'due'],
    [30, 30, 'due'],
    [31, 30, 'stale']
  ] as const)('%s days old with a %s-day cadence is %s', (age, cadence, expected) => {
    expect(freshness(age, cadence)).toBe(expected);
  });
});

describe('distinguishesScenarios', () => {
  it('is false only when every scenario expects the same band', () => {
    expect(
      distinguishesScenarios([
        [2, 3],
        [2, 3],
        [2, 3]
      ])
    ).toBe(false);
    expect(
      distinguishesScenarios([
        [2, 3],
        [2, 4]
      ])
    ).toBe(true);
  });
});

describe('indicatorStatus', () => {
  const levels = ['one', 'two', 'three', 'four', 'five'];
  it('names the latest level in words, its age and a monthly spark ending at it', () => {
    const status = indicatorStatus({
      readings: [
        { observedAt: '2023-01-15', level: 2, weight: 1, quantity: null },
        { observedAt: '2023-03-10', level: 4, weight: 1, quantity: null, demo: true }
      ],
      levels,
      cadenceDays: 30,
      today: '2023-03-20'
    });
    expect(status.latest).toEqual({ level: 4, words: 'four', observedAt: '2023-03-10', demo: true });
    expect(status).toMatchObject({ ageDays: 10, freshness: 'fresh' });
    expect(status.spark.map((p) => [p.start, p.reading, p.carried])).toEqual([
      ['2023-01-01', 2, false],
      ['2023-02-01', 2, true],
      ['2023-03-01', 4, false]
    ]);
  });

  it('says plainly when nothing has been observed', () => {
    expect(indicatorStatus({ readings: [], levels, cadenceDays: 30, today: '2023-03-20' })).toEqual({
      latest: null,
      ageDays: null,
      freshness: 'none',
      spark: []
    });
  });
});
