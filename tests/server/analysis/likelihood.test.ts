import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BandRange } from '../../../server/analysis/bands.js';
import { diagnosticity, totalVariation } from '../../../server/analysis/diagnosticity.js';
import { icd203Words } from '../../../server/analysis/icd203.js';
import { levelDistribution, likelihood } from '../../../server/analysis/likelihood.js';

const band: fc.Arbitrary<BandRange> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as BandRange);

describe('levelDistribution', () => {
  it('puts 1 − ε evenly on the band and ε outside, falling off with distance', () => {
    const p = levelDistribution([1, 2]);
    expect(p[0]).toBeCloseTo(0.4, 6);
    expect(p[1]).toBeCloseTo(0.4, 6);
    expect(p[2] + p[3] + p[4]).toBeCloseTo(0.2, 6);
    expect(p[2]).toBeGreaterThan(p[3]);
    expect(p[3]).toBeGreaterThan(p[4]);
    expect(levelDistribution([1, 5])).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  });

  it('is a distribution for every band', () => {
    fc.assert(
      fc.property(band, (b) => {
        const p = levelDistribution(b);
        expect(p.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 9);
        p.forEach((x) => expect(x).toBeGreaterThan(0));
      })
    );
  });

  it('an in-band level never scores below any band that excludes it', () => {
    fc.assert(
      fc.property(band, band, fc.integer({ min: 1, max: 5 }), (inside, outside, level) => {
        fc.pre(inside[0] <= level && level <= inside[1]);
        fc.pre(level < outside[0] || level > outside[1]);
        expect(likelihood(level, inside)).toBeGreaterThanOrEqual(likelihood(level, outside));
      })
    );
  });
});

describe('diagnosticity (README, Method: Diagnosticity)', () => {
  const scenarioIds = ['decline', 'persistence', 'split', 'ttp', 'pivot'];
  // The starting method's worked example: fighter salaries separate decline from resurgence, not the two resurgence paths.
  const salaries: BandRange[] = [
    [1, 2],
    [2, 3],
    [3, 5],
    [3, 5],
    [2, 4]
  ];

  it('scores an indicator by the scenario pair it separates best', () => {
    const { indicators } = diagnosticity({ scenarioIds, indicators: [{ id: 'salaries', bands: salaries }] });
    const expected = totalVariation(levelDistribution([1, 2]), levelDistribution([3, 5]));
    expect(indicators[0]).toMatchObject({
      indicatorId: 'salaries',
      bestPair: ['decline', 'split'],
      nonDiagnostic: false
    });
    expect(indicators[0].diagnosticity).toBeCloseTo(expected, 4);
    // Only contained decline expects level 1; every other level is shared, so no other scenario is singled out.
    expect(indicators[0].distinctiveFor).toEqual(['decline']);
  });

  it('flags an indicator every scenario reads alike, and scenarios with too few distinctive indicators', () => {
    const flat: BandRange[] = [
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3]
    ];
    const result = diagnosticity({
      scenarioIds,
      indicators: [
        { id: 'flat', bands: flat },
        { id: 'salaries', bands: salaries }
      ]
    });
    expect(result.indicators[0]).toMatchObject({ diagnosticity: 0, nonDiagnostic: true, bestPair: null });
    expect(result.scenarios.every((s) => s.underCovered)).toBe(true);
  });

  it('stays within [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(band, { minLength: 2, maxLength: 6 }), (bands) => {
        const ids = bands.map((_, i) => `s${i}`);
        const [row] = diagnosticity({ scenarioIds: ids, indicators: [{ id: 'x', bands }] }).indicators;
        expect(row.diagnosticity).toBeGreaterThanOrEqual(0);
        expect(row.diagnosticity).toBeLessThanOrEqual(1);
      })
    );
  });
});

describe('icd203Words', () => {
  it.each([
    [0.01, 'almost no chance'],
    [0.1, 'very unlikely'],
    [0.3, 'unlikely'],
    [0.5, 'roughly even chance'],
    [0.6, 'likely'],
    [0.9, 'very likely'],
    [0.97, 'almost certain']
  ])('%s is "%s"', (p, words) => expect(icd203Words(p)).toBe(words));
});
