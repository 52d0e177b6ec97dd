import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achTable } from '../../../server/analysis/assessment.js';
import { sweepDays } from '../../../server/analysis/assessment-days.js';
import { levelDistribution } from '../../../server/analysis/likelihood.js';
import { addDays } from '../../../server/analysis/periods.js';
import { stateAt, voteAt, voteSegments, type FitModel, type Reading } from '../../../server/analysis/scenario-fit.js';
import { sensitivity } from '../../../server/analysis/sensitivity.js';

// The README's worked example: decline (prior 0.6, band 1–2) against resurgence (0.4, band 3–5).
const example: FitModel = {
  scenarioIds: ['decline', 'resurgence'],
  priors: [0.6, 0.4],
  indicatorIds: ['salaries'],
  bands: {
    salaries: [
      [1, 2],
      [3, 5]
    ]
  },
  halfLifeDays: 180,
  kappa: 0.5,
  assessFrom: '2022-01-01'
};
const reading = (o: Partial<Reading> = {}): Reading => ({
  observationId: 1,
  sourceId: 1,
  observedAt: '2023-01-01',
  level: 4,
  weight: 0.64,
  ...o
});
const at = (day: string, readings: Reading[], model = example) => {
  const segs = voteSegments('salaries', [], readings, model);
  return stateAt(day, [segs.filter((s) => s.from <= day).at(-1)], model);
};

describe('the assessment at a date (README, Method: The assessment)', () => {
  it('reproduces the README worked example', () => {
    expect(levelDistribution([1, 2])[3]).toBeCloseTo(0.013, 3);
    expect(levelDistribution([3, 5])[3]).toBeCloseTo(0.2667, 4);
    expect(at('2023-01-01', [reading()]).probabilities[1]).toBeCloseTo(0.637, 3);
    // One half-life later the reading counts 0.32: the picture is half way back to the priors in log terms.
    expect(at('2023-06-30', [reading()]).probabilities[1]).toBeCloseTo(0.52, 3);
    // A second, independent source at the same level: weights 0.64 + 0.64 are scaled to sum to 1.
    expect(at('2023-01-01', [reading(), reading({ observationId: 2, sourceId: 2 })]).probabilities[1]).toBeCloseTo(
      0.751,
      3
    );
    // ACH: the vote's weight × one… two levels outside decline's band.
    const seg = voteSegments('salaries', [], [reading()], example)[0];
    expect(voteAt(seg, '2023-01-01', example).inconsistency).toEqual([0.64 * 2, 0]);
  });

  it('with no evidence gives the priors, and evidence dated later does not count', () => {
    expect(stateAt('2023-01-01', [undefined], example).probabilities).toEqual([0.6, 0.4]);
    expect(at('2022-12-31', [reading()]).probabilities).toEqual([0.6, 0.4]);
  });

  it('counts each source once: the same report five times changes nothing', () => {
    const once = at('2023-03-01', [reading()]);
    const five = at(
      '2023-03-01',
      [1, 2, 3, 4, 5].map((id) => reading({ observationId: id }))
    );
    expect(five.probabilities).toEqual(once.probabilities);
  });

  it("takes a source's latest reading: an older one from the same source no longer votes", () => {
    const later = at('2023-03-01', [
      reading({ level: 1 }),
      reading({ observationId: 2, observedAt: '2023-02-01', level: 4 })
    ]);
    expect(later.probabilities[1]).toBeCloseTo(
      at('2023-03-01', [reading({ observationId: 2, observedAt: '2023-02-01' })]).probabilities[1],
      12
    );
  });

  it('ignores evidence dated before assessFrom', () => {
    expect(at('2023-01-01', [reading({ observedAt: '2021-06-01' })]).probabilities).toEqual([0.6, 0.4]);
  });

  it('returns to the priors as evidence ages over many half-lives (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            level: fc.integer({ min: 1, max: 5 }),
            weight: fc.double({ min: 0.04, max: 1, noNaN: true }),
            sourceId: fc.integer({ min: 1, max: 4 })
          }),
          { minLength: 1, maxLength: 8 }
        ),
        (rs) => {
          const readings = rs.map((r, i) => reading({ ...r, observationId: i + 1 }));
          const far = at(addDays('2023-01-01', 180 * 40), readings).probabilities;
          expect(far[0]).toBeCloseTo(0.6, 9);
          expect(far[1]).toBeCloseTo(0.4, 9);
        }
      )
    );
  });

  it('sums each indicator to a vote weight of at most 1, whatever the number of sources (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 2000 }),
        (levels, age) => {
          const readings = levels.map((level, i) => reading({ level, sourceId: i, observationId: i, weight: 1 }));
          const seg = voteSegments('salaries', [], readings, example).at(-1)!;
          const vote = voteAt(seg, addDays('2023-01-01', age), example);
          expect(vote.weight).toBeLessThanOrEqual(1 + 1e-12);
          for (const l of vote.logLikelihood) expect(Number.isFinite(l)).toBe(true);
        }
      )
    );
  });

  it('sweeps days with the same function as a single day', () => {
    const readings = [reading(), reading({ observationId: 2, sourceId: 2, observedAt: '2023-01-20', level: 1 })];
    const segs = voteSegments('salaries', [], readings, example);
    const days = sweepDays('2023-01-01', '2023-02-10', [], segs, example);
    expect(days).toHaveLength(41);
    expect(days.find((d) => d.day === '2023-02-10')!.probabilities).toEqual(at('2023-02-10', readings).probabilities);
    expect(days.filter((d) => d.evidence > 0).map((d) => d.day)).toEqual(['2023-01-01', '2023-01-20']);
  });
});

describe('views at a date', () => {
  const model: FitModel = {
    scenarioIds: ['decline', 'resurgence', 'pivot'],
    priors: [0.5, 0.3, 0.2],
    indicatorIds: ['abroad', 'salaries'],
    bands: {
      salaries: [
        [1, 2],
        [3, 5],
        [2, 4]
      ],
      abroad: [
        [1, 1],
        [1, 2],
        [4, 5]
      ]
    },
    halfLifeDays: 180,
    kappa: 0.5,
    assessFrom: '2022-01-01'
  };
  const segments = [
    voteSegments('abroad', [], [reading({ level: 5, weight: 0.0001 })], model)[0],
    voteSegments('salaries', [], [reading({ level: 1 })], model)[0]
  ];

  it('sensitivity names the moves that change the leader, every figure finite even when a probability is near 0', () => {
    const s = sensitivity('2023-01-01', segments, model);
    expect(s.leading).toBe('decline');
    for (const w of s.whatIfs) expect(Number.isFinite(w.leaderProbability)).toBe(true);
    expect(s.whatIfs.map((w) => `${w.indicatorId}${w.shift > 0 ? '+' : '-'}`).sort()).toEqual(['abroad-', 'salaries+']);
  });

  it('ACH ranks the scenarios by the evidence against them', () => {
    const { rows, totals } = achTable('2023-01-01', segments, model);
    expect(rows[0]).toMatchObject({ indicatorId: 'salaries', level: 1, weight: 0.64, inconsistency: [0, 1.28, 0.64] });
    expect(totals[0]).toBeLessThan(totals[1]);
  });
});
