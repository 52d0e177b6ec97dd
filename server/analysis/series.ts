import { daysBetween, periodOf, periodsBetween, type PeriodKind } from './periods.js';

/** One observation as the series needs it: superseded ones are already left out. */
export interface WeightedReading {
  observedAt: string;
  level: number;
  weight: number;
  quantity: number | null;
  /** Demonstration data, for display only. */
  demo?: boolean;
}

export interface SeriesPoint {
  start: string;
  end: string;
  reading: number | null;
  confidence: number;
  carried: boolean;
  observationCount: number;
  quantity: number | null;
}

export interface SeriesInput {
  readings: WeightedReading[];
  period: PeriodKind;
  from: string;
  to: string;
  /** The indicator's expected reporting interval: confidence halves once per interval without news. */
  cadenceDays: number;
}

/** Readings and confidences are shown to four decimals; more is float noise, not information. */
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

interface PeriodReading {
  end: string;
  reading: number;
  confidence: number;
}

/** Grading weights are products rounded to 1e-4 (grading.ts): summed as whole units they add exactly. */
const WEIGHT_UNITS = 1e4;

/**
 * Weighted mean level of one period's readings, with their total weight as confidence (README, Method: Series).
 * The mean is taken over whole weight units, as the store's kept month sums are, so a mean that
 * falls on a rounding tie (3.90625) rounds the same here as on the overview's sparkline.
 */
function summarise(readings: WeightedReading[], end: string): PeriodReading & { quantity: number | null } {
  const units = readings.map((r) => Math.round(r.weight * WEIGHT_UNITS));
  const totalUnits = units.reduce((s, u) => s + u, 0);
  const confidence = totalUnits / WEIGHT_UNITS;
  const reading = readings.reduce((s, r, i) => s + units[i] * r.level, 0) / totalUnits;
  const quantities = readings.flatMap((r) => (r.quantity === null ? [] : [r.quantity]));
  const quantity = quantities.length ? quantities.reduce((a, b) => a + b, 0) / quantities.length : null;
  return { end, reading, confidence, quantity };
}

/**
 * The indicator's reading per period from `from` to `to`.
 * reading = Σ wᵢ·levelᵢ / Σ wᵢ over the period's observations, confidence = Σ wᵢ.
 * A period without observations carries the last reading forward with
 * confidence × 0.5^(days since the last observed period's end / cadenceDays), flagged `carried`;
 * readings from before `from` seed the carry so a window never starts blind.
 */
export function indicatorSeries({ readings, period, from, to, cadenceDays }: SeriesInput): SeriesPoint[] {
  // Grouped in one pass (appending, not copying); readings come in date order, so a date's period is looked up once.
  const byPeriod = new Map<string, WeightedReading[]>();
  let lastDate = '';
  let key = '';
  for (const r of readings) {
    if (r.observedAt !== lastDate) [lastDate, key] = [r.observedAt, periodOf(r.observedAt, period).start];
    const group = byPeriod.get(key);
    if (group) group.push(r);
    else byPeriod.set(key, [r]);
  }
  const firstStart = periodOf(from, period).start;
  let last: PeriodReading | null = null;
  const earlier = [...byPeriod.keys()]
    .filter((k) => k < firstStart)
    .sort()
    .at(-1);
  if (earlier) last = summarise(byPeriod.get(earlier)!, periodOf(earlier, period).end);

  return periodsBetween(from, to, period).map(({ start, end }) => {
    const inPeriod = byPeriod.get(start);
    if (inPeriod) {
      const s = summarise(inPeriod, end);
      last = s;
      return {
        start,
        end,
        reading: round4(s.reading),
        confidence: round4(s.confidence),
        carried: false,
        observationCount: inPeriod.length,
        quantity: s.quantity
      };
    }
    if (!last) return { start, end, reading: null, confidence: 0, carried: false, observationCount: 0, quantity: null };
    const decay = Math.pow(0.5, daysBetween(last.end, end) / cadenceDays);
    return {
      start,
      end,
      reading: round4(last.reading),
      confidence: round4(last.confidence * decay),
      carried: true,
      observationCount: 0,
      quantity: null
    };
  });
}
