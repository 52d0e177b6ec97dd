import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BandRange } from '../../../server/analysis/bands.js';
import { bandsDisjoint, diagnosticity, pairSeparation } from '../../../server/analysis/diagnosticity.js';
import { MIN_SEPARATING_INDICATORS } from '../../../server/analysis/method.js';

const band: fc.Arbitrary<BandRange> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as BandRange);

describe('pair separation (README, Method: Diagnosticity)', () => {
  const scenarioIds = ['decline', 'split', 'ttp'];
  // Tajik Taliban links tell the split from the TTP path; fighter salaries only tell decline from resurgence.
  const tajik: BandRange[] = [
    [1, 2],
    [4, 5],
    [1, 3]
  ];
  const salaries: BandRange[] = [
    [1, 1],
    [3, 4],
    [3, 4]
  ];

  it('lists, for every pair, the indicators whose bands do not overlap', () => {
    const pairs = pairSeparation({
      scenarioIds,
      indicators: [
        { id: 'tajik', bands: tajik },
        { id: 'salaries', bands: salaries }
      ]
    });
    expect(pairs.map((p) => [p.a, p.b, p.separating])).toEqual([
      ['decline', 'split', ['tajik', 'salaries']],
      ['decline', 'ttp', ['salaries']],
      ['split', 'ttp', ['tajik']]
    ]);
  });

  it(`flags a pair separated by fewer than ${MIN_SEPARATING_INDICATORS} indicators, and passes one with enough`, () => {
    const few = Array.from({ length: MIN_SEPARATING_INDICATORS - 1 }, (_, k) => ({ id: `t${k}`, bands: tajik }));
    expect(pairSeparation({ scenarioIds, indicators: few }).find((p) => p.a === 'split')!.flagged).toBe(true);
    const enough = [...few, { id: 'last', bands: tajik }];
    const splitTtp = pairSeparation({ scenarioIds, indicators: enough }).find((p) => p.a === 'split')!;
    expect(splitTtp).toMatchObject({ separating: enough.map((i) => i.id), flagged: false });
  });

  it('flags an indicator that separates no pair, even when its bands differ', () => {
    const overlapping: BandRange[] = [
      [1, 3],
      [2, 4],
      [3, 5]
    ]; // all share level 3
    const { indicators } = diagnosticity({
      scenarioIds,
      indicators: [
        { id: 'overlapping', bands: overlapping },
        { id: 'tajik', bands: tajik }
      ]
    });
    expect(indicators[0]).toMatchObject({ separates: [], separatesNoPair: true });
    expect(indicators[1]).toMatchObject({
      separates: [
        ['decline', 'split'],
        ['split', 'ttp']
      ],
      separatesNoPair: false
    });
  });

  it('holds for any catalogue: one entry per pair, separating exactly the disjoint bands, flagged below the minimum', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 6 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(fc.array(band, { minLength: n, maxLength: n }), { maxLength: 12 }))
          ),
        ([n, rows]) => {
          const ids = Array.from({ length: n }, (_, i) => `s${i}`);
          const indicators = rows.map((bands, k) => ({ id: `i${k}`, bands }));
          const result = diagnosticity({ scenarioIds: ids, indicators });
          expect(result.pairs).toHaveLength((n * (n - 1)) / 2);
          for (const p of result.pairs) {
            const [a, b] = [ids.indexOf(p.a), ids.indexOf(p.b)];
            expect(a).toBeLessThan(b);
            expect(p.separating).toEqual(
              indicators.filter((i) => bandsDisjoint(i.bands[a], i.bands[b])).map((i) => i.id)
            );
            expect(p.flagged).toBe(p.separating.length < MIN_SEPARATING_INDICATORS);
          }
          // An indicator's pairs are exactly the pairs that list it.
          for (const row of result.indicators) {
            const listing = result.pairs.filter((p) => p.separating.includes(row.indicatorId)).map((p) => [p.a, p.b]);
            expect(row.separates).toEqual(listing);
            expect(row.separatesNoPair).toBe(listing.length === 0);
          }
        }
      )
    );
  });

  it('disjointness is symmetric and a band never separates from itself', () => {
    fc.assert(
      fc.property(band, band, (x, y) => {
        expect(bandsDisjoint(x, y)).toBe(bandsDisjoint(y, x));
        expect(bandsDisjoint(x, x)).toBe(false);
      })
    );
  });
});
