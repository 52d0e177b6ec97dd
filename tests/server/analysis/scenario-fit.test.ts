import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BandRange } from '../../../server/analysis/bands.js';
import { scenarioFit, updateBelief, type Evidence, type FitInput } from '../../../server/analysis/scenario-fit.js';
import { levelDistribution } from '../../../server/analysis/likelihood.js';
import { sensitivity } from '../../../server/analysis/sensitivity.js';

const scenarios = [
  { id: 'decline', prior: 0.5 },
  { id: 'resurgence', prior: 0.3 },
  { id: 'pivot', prior: 0.2 }
];
const bands: FitInput['bands'] = {
  salaries: { decline: [1, 2], resurgence: [3, 5], pivot: [2, 4] },
  attacks: { decline: [1, 2], resurgence: [4, 5], pivot: [2, 3] },
  abroad: { decline: [1, 1], resurgence: [1, 2], pivot: [4, 5] }
};
const month = (i: number, evidence: Evidence[] = []) => ({ start: `2023-${String(i).padStart(2, '0')}-01`, end: `2023-${String(i).padStart(2, '0')}-28`, evidence });

describe('scenarioFit (METHOD §4)', () => {
  it('reproduces the README worked example', () => {
    const fit = scenarioFit({
      scenarios: [{ id: 'decline', prior: 0.6 }, { id: 'resurgence', prior: 0.4 }],
      bands: { salaries: { decline: [1, 2], resurgence: [3, 5] } },
      periods: [month(1, [{ indicatorId: 'salaries', level: 4, weight: 0.64 }]), month(2)]
    });
    expect(levelDistribution([1, 2])[3]).toBeCloseTo(0.013, 3);
    expect(levelDistribution([3, 5])[3]).toBeCloseTo(0.2667, 4);
    expect(fit[0].contributions[0].logLikelihood.decline).toBeCloseTo(-1.390, 3);
    expect(fit[0].contributions[0].logLikelihood.resurgence).toBeCloseTo(-0.423, 3);
    expect(fit[0].probabilities.resurgence).toBeCloseTo(0.637, 3);
    expect(fit[0].inconsistency).toEqual({ decline: 1.28, resurgence: 0 });
    expect(fit[1].probabilities.resurgence).toBeCloseTo(0.614, 3); // no news: fading toward the prior 0.4
  });

  it('with no evidence stays at the priors', () => {
    const [point] = scenarioFit({ scenarios, bands, periods: [month(1)] });
    expect(point.probabilities).toEqual({ decline: 0.5, resurgence: 0.3, pivot: 0.2 });
    expect(point.leading).toBe('decline');
  });

  it('moves towards the scenario whose bands the evidence falls in, and forgets back towards the priors', () => {
    const periods = [month(1, [{ indicatorId: 'attacks', level: 5, weight: 1 }, { indicatorId: 'salaries', level: 4, weight: 0.64 }]), month(2), month(3), month(4)];
    const fit = scenarioFit({ scenarios, bands, periods });
    expect(fit[0].leading).toBe('resurgence');
    expect(fit[0].inconsistency).toEqual({ decline: 3 + 0.64 * 2, resurgence: 0, pivot: 2 });
    expect(fit[3].probabilities.resurgence).toBeLessThan(fit[0].probabilities.resurgence);
    expect(fit[3].probabilities.resurgence).toBeGreaterThan(0.3);
  });

  it('records each observation\'s contribution for "what moved and why"', () => {
    const [point] = scenarioFit({ scenarios, bands, periods: [month(1, [{ indicatorId: 'abroad', level: 5, weight: 1, observationId: 7 }])] });
    expect(point.contributions[0].observationId).toBe(7);
    expect(point.contributions[0].logLikelihood.pivot).toBeGreaterThan(point.contributions[0].logLikelihood.decline);
  });
});

const evidence = fc.record({
  indicatorId: fc.constantFrom('salaries', 'attacks', 'abroad'),
  level: fc.integer({ min: 1, max: 5 }),
  weight: fc.constantFrom(0.04, 0.25, 0.36, 0.64, 1)
});
const periods = fc.array(fc.array(evidence, { maxLength: 6 }), { minLength: 1, maxLength: 24 }).map((ps) => ps.map((e, i) => month((i % 12) + 1, e)));

describe('scenarioFit invariants', () => {
  it('probabilities stay in [0, 1] and sum to 1', () => {
    fc.assert(
      fc.property(periods, (ps) => {
        for (const point of scenarioFit({ scenarios, bands, periods: ps })) {
          const values = Object.values(point.probabilities);
          values.forEach((p) => {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          });
          expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        }
      })
    );
  });

  it('an observation inside only one scenario\'s band never lowers that scenario\'s probability', () => {
    const belief = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }).map((xs) => {
      const sum = xs.reduce((a, b) => a + b, 0);
      return xs.map((x) => x / sum);
    });
    fc.assert(
      fc.property(belief, fc.array(evidence, { maxLength: 5 }), evidence, (prev, others, added) => {
        const holders = scenarios.filter((s) => {
          const [lo, hi] = bands[added.indicatorId][s.id] as BandRange;
          return lo <= added.level && added.level <= hi;
        });
        fc.pre(holders.length === 1);
        const k = scenarios.indexOf(holders[0]);
        const without = updateBelief(prev, { scenarios, bands }, others).probabilities[k];
        const withIt = updateBelief(prev, { scenarios, bands }, [...others, added]).probabilities[k];
        expect(withIt).toBeGreaterThanOrEqual(without - 1e-12);
      })
    );
  });

  it('is deterministic: the same evidence gives the same answer', () => {
    fc.assert(
      fc.property(periods, (ps) => {
        expect(scenarioFit({ scenarios, bands, periods: ps })).toEqual(scenarioFit({ scenarios, bands, periods: ps }));
      })
    );
  });
});

describe('sensitivity', () => {
  it('names the indicator whose one-level change would change the leading scenario', () => {
    // Two reports of attacks at level 2 sit in decline's and pivot's bands; read at 3 they leave decline's.
    const twoReports = [{ indicatorId: 'attacks', level: 2, weight: 1 }, { indicatorId: 'attacks', level: 2, weight: 1 }];
    const periods = [month(1, [...twoReports, { indicatorId: 'abroad', level: 1, weight: 0.04 }]), month(2)];
    const answer = sensitivity({ scenarios, bands, periods, discount: 1 }); // undiscounted, to keep the arithmetic plain
    expect(answer).toMatchObject({ period: { start: '2023-01-01', end: '2023-01-28' }, leading: 'decline' });
    expect(answer.whatIfs[0]).toMatchObject({ indicatorId: 'attacks', shift: 1, leading: 'pivot', changesLeader: true });
    expect(answer.whatIfs.filter((w) => w.changesLeader)).toHaveLength(1);
    expect(answer.whatIfs).toHaveLength(3); // abroad cannot read below 1
  });

  it('has nothing to say without evidence', () => {
    expect(sensitivity({ scenarios, bands, periods: [month(1)] })).toEqual({ period: null, leading: null, leaderProbability: null, whatIfs: [] });
  });
});
