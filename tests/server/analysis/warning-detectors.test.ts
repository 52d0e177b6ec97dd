// The three detectors: one shape, and a window's detection equals the whole history's from the window on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEGINNING, type MonthReading } from '../../../server/analysis/detector.js';
import { NOVELTY_LOOKBACK_DAYS, noveltyDetector } from '../../../server/analysis/novelty-detector.js';
import { addDays } from '../../../server/analysis/periods.js';
import { stalenessDetector, stalenessFrom } from '../../../server/analysis/staleness-detector.js';
import { isCalm, tripwireDetector } from '../../../server/analysis/tripwire-detector.js';

const indicator = { id: 'attacks', title: 'Attacks' };
const thresholds = { fire: 4, recover: 2 };
const month = (i: number) => new Date(Date.UTC(2016, i, 1)).toISOString().slice(0, 10);
/** Observed months (some skipped) with readings rounded as the kept sums give them. */
const months = fc
  .array(fc.tuple(fc.boolean(), fc.double({ min: 1, max: 5, noNaN: true })), { maxLength: 80 })
  .map((xs) =>
    xs
      .map(([kept, r], i) => ({ kept, at: month(i), reading: Math.round(r * 4) / 4 }))
      .filter((m) => m.kept)
      .map(({ at, reading }) => ({ at, reading }))
  );

/** The definition, read literally: higher than every reading in the three years before (the first high on a tie). */
function naiveNovelty(readings: MonthReading[]): string[] {
  return readings.flatMap((r, i) => {
    const earlier = readings.slice(0, i).filter((e) => e.at >= addDays(r.at, -NOVELTY_LOOKBACK_DAYS));
    if (!earlier.length) return [];
    const high = earlier.reduce((m, e) => (e.reading > m.reading ? e : m));
    return r.reading > high.reading ? [`${r.at} over ${high.at.slice(0, 7)}`] : [];
  });
}

describe('warning detectors', () => {
  it('novelty equals its definition (property)', () => {
    fc.assert(
      fc.property(months, (readings) => {
        const found = noveltyDetector
          .detect({ indicator, from: BEGINNING, readings })
          .map((e) => `${e.at} over ${e.cause.match(/in (\d{4}-\d{2})\)/)![1]}`);
        expect(found).toEqual(naiveNovelty(readings));
      })
    );
  });

  it('over a window (the readings its inputs ask for) each finds what the whole history gives from the window on (property)', () => {
    fc.assert(
      fc.property(months, fc.nat(), (readings, pick) => {
        const changed = readings.length ? readings[pick % readings.length].at : '2020-01-01';
        const whole = (e: { at: string }[], from: string) => e.filter((x) => x.at >= from);
        // Tripwire: from the last calm month before the change.
        const calm = readings.filter((r) => r.at < changed && isCalm(r.reading, thresholds)).at(-1)?.at;
        const tFrom = calm ? addDays(calm, 1) : BEGINNING;
        expect(
          tripwireDetector.detect({
            indicator,
            from: tFrom,
            thresholds,
            readings: readings.filter((r) => r.at >= tFrom)
          })
        ).toEqual(whole(tripwireDetector.detect({ indicator, from: BEGINNING, thresholds, readings }), tFrom));
        // Novelty: the three years before the change's month.
        const nReadings = readings.filter((r) => r.at >= addDays(changed, -NOVELTY_LOOKBACK_DAYS));
        expect(noveltyDetector.detect({ indicator, from: changed, readings: nReadings })).toEqual(
          whole(noveltyDetector.detect({ indicator, from: BEGINNING, readings }), changed)
        );
        // Staleness: from the last observed day before the change.
        const days = readings.map((r) => addDays(r.at, 9));
        const lastBefore = days.filter((d) => d < changed).at(-1);
        const sFrom = lastBefore ? stalenessFrom(lastBefore, 30) : BEGINNING;
        const input = { indicator, cadenceDays: 30, today: '2024-02-01' };
        expect(
          stalenessDetector.detect({
            ...input,
            from: sFrom,
            observedDates: days.filter((d) => !lastBefore || d >= lastBefore)
          })
        ).toEqual(whole(stalenessDetector.detect({ ...input, from: BEGINNING, observedDates: days }), sFrom));
      })
    );
  });
});
