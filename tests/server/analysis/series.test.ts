import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../server/analysis/periods.js';
import { indicatorSeries, type WeightedReading } from '../../../server/analysis/series.js';

const reading = (observedAt: string, level: number, weight = 1, quantity: number | null = null): WeightedReading => ({
  observedAt,
  level,
  weight,
  quantity
});

describe('indicatorSeries (README, Method: Series)', () => {
  it('reproduces the README worked example', () => {
    const [jan, feb] = indicatorSeries({
      readings: [reading('2023-01-05', 1, 0.36), reading('2023-01-20', 4, 0.64)], // C3 and B2
      period: 'month',
      from: '2023-01-01',
      to: '2023-02-28',
      cadenceDays: 30
    });
    expect(jan).toMatchObject({ reading: 2.92, confidence: 1, carried: false });
    expect(feb).toMatchObject({ reading: 2.92, carried: true });
    expect(feb.confidence).toBeCloseTo(0.52, 2);
  });

  it('weights the period mean by source grade and sums the weights as confidence', () => {
    const [jan] = indicatorSeries({
      readings: [reading('2023-01-05', 1, 0.36), reading('2023-01-20', 4, 0.64)],
      period: 'month',
      from: '2023-01-01',
      to: '2023-01-31',
      cadenceDays: 30
    });
    expect(jan.reading).toBeCloseTo((1 * 0.36 + 4 * 0.64) / 1, 4);
    expect(jan.confidence).toBeCloseTo(1, 4);
    expect(jan).toMatchObject({ carried: false, observationCount: 2 });
  });

  it('rounds a mean that falls on a tie the way the kept month sums do, not as float noise leaves it', () => {
    // 0.64·4 + 0.6·3 + 1·1 + 0.32·2 over 2.56 is 2.34375 exactly; summed as floats it is 2.3437499999999996.
    const [jan] = indicatorSeries({
      readings: [
        reading('2023-01-02', 4, 0.64),
        reading('2023-01-03', 3, 0.6),
        reading('2023-01-04', 1, 1),
        reading('2023-01-05', 2, 0.32)
      ],
      period: 'month',
      from: '2023-01-01',
      to: '2023-01-31',
      cadenceDays: 30
    });
    expect(jan).toMatchObject({ reading: 2.3438, confidence: 2.56 });
  });

  it('carries the last reading forward, halving confidence every cadence interval', () => {
    const points = indicatorSeries({
      readings: [reading('2023-01-10', 2, 0.8)],
      period: 'month',
      from: '2023-01-01',
      to: '2023-04-30',
      cadenceDays: 30
    });
    expect(points.map((p) => p.carried)).toEqual([false, true, true, true]);
    expect(points.every((p) => p.reading === 2)).toBe(true);
    // Feb ends 28 days after Jan ends: 0.8 × 0.5^(28/30)
    expect(points[1].confidence).toBeCloseTo(0.8 * Math.pow(0.5, 28 / 30), 4);
  });

  it('shows nothing before the first observation and seeds the carry from before the window', () => {
    const blind = indicatorSeries({
      readings: [reading('2023-03-01', 5)],
      period: 'month',
      from: '2023-01-01',
      to: '2023-03-31',
      cadenceDays: 30
    });
    expect(blind.map((p) => p.reading)).toEqual([null, null, 5]);
    const seeded = indicatorSeries({
      readings: [reading('2022-12-01', 3)],
      period: 'month',
      from: '2023-01-01',
      to: '2023-01-31',
      cadenceDays: 30
    });
    expect(seeded[0]).toMatchObject({ reading: 3, carried: true });
  });

  it('averages quantities of the period and never carries them', () => {
    const points = indicatorSeries({
      readings: [reading('2023-06-03', 2, 1, 1), reading('2023-06-20', 2, 1, 3)],
      period: 'month',
      from: '2023-06-01',
      to: '2023-07-31',
      cadenceDays: 30
    });
    expect(points.map((p) => p.quantity)).toEqual([2, null]);
  });
});

describe('indicatorSeries invariants', () => {
  const day = fc.integer({ min: 0, max: 3 * 365 });
  const readings = fc.array(
    fc.record({
      observedAt: day.map((d) => addDays('2021-01-01', d)),
      level: fc.integer({ min: 1, max: 5 }),
      weight: fc.constantFrom(0.04, 0.25, 0.36, 0.64, 0.8, 1),
      quantity: fc.constant(null)
    }),
    { maxLength: 40 }
  );
  const kind = fc.constantFrom('week' as const, 'month' as const, 'quarter' as const);
  const cadence = fc.integer({ min: 7, max: 365 });

  it('every reading lies within 1–5 and confidence is never negative', () => {
    fc.assert(
      fc.property(readings, kind, cadence, (rs, period, cadenceDays) => {
        for (const p of indicatorSeries({ readings: rs, period, from: '2021-01-01', to: '2024-06-30', cadenceDays })) {
          if (p.reading !== null) {
            expect(p.reading).toBeGreaterThanOrEqual(1);
            expect(p.reading).toBeLessThanOrEqual(5);
          }
          expect(p.confidence).toBeGreaterThanOrEqual(0);
        }
      })
    );
  });

  it('confidence never rises without a new observation', () => {
    fc.assert(
      fc.property(readings, kind, cadence, (rs, period, cadenceDays) => {
        const points = indicatorSeries({ readings: rs, period, from: '2021-01-01', to: '2024-06-30', cadenceDays });
        points.slice(1).forEach((p, i) => {
          if (p.observationCount === 0) expect(p.confidence).toBeLessThanOrEqual(points[i].confidence);
        });
      })
    );
  });

  it('carried points repeat the last observed reading', () => {
    fc.assert(
      fc.property(readings, kind, cadence, (rs, period, cadenceDays) => {
        const points = indicatorSeries({ readings: rs, period, from: '2021-01-01', to: '2024-06-30', cadenceDays });
        points.slice(1).forEach((p, i) => {
          if (p.carried) expect(p.reading).toBe(points[i].reading);
        });
      })
    );
  });
});
