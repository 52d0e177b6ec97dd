// The chart range in the URL: whatever a reader types there, the page gets a usable range, and a
// range written to the URL reads back the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisPresets, rangeFromUrl, rangeSearch } from '../../src/lib/range.js';

const day = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const period = fc.constantFrom('week' as const, 'month' as const, 'quarter' as const);
const urlWith = (search: string) => new URL(`http://x/indicators/a${search}`);

describe('rangeFromUrl and rangeSearch', () => {
  it('read back what they write, with from never after to', () => {
    fc.assert(
      fc.property(period, fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), (p, from, to) => {
        const read = rangeFromUrl(urlWith(rangeSearch({ period: p, from, to })));
        expect(read.period).toBe(p);
        expect(new Set([read.from, read.to])).toEqual(new Set([from, to]));
        if (read.from && read.to) expect(read.from <= read.to).toBe(true);
      })
    );
  });

  it('fall back to the default for anything unreadable', () => {
    expect(rangeFromUrl(urlWith('?period=decade&from=2020-13&to=yesterday'))).toEqual({
      period: 'month',
      from: undefined,
      to: undefined
    });
    expect(rangeFromUrl(urlWith(''), 'quarter').period).toBe('quarter');
  });

  it('keep the other parameters of the page', () => {
    const search = rangeSearch({ period: 'week', from: '2024-01-01' }, new URLSearchParams('band=all&to=2025-01-01'));
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
      band: 'all',
      period: 'week',
      from: '2024-01-01'
    });
  });
});

describe('analysisPresets', () => {
  it('offers the three years up to the latest evidence, then the last twelve months', () => {
    const presets = analysisPresets('2023-05-17', '2026-12-02');
    expect(presets.map((p) => p.range)).toEqual([
      { from: '2020-01-01', to: '2023-05-31' },
      { from: '2025-12-02', to: '2026-12-02' }
    ]);
  });

  it('offers only the last twelve months without evidence', () => {
    expect(analysisPresets(null, '2026-12-02')).toHaveLength(1);
  });
});
