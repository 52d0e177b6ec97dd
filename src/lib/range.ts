import type { Overview, Period } from '$shared/index.js';
import { addYears, endOfMonth, format, parseISO, startOfYear } from 'date-fns';
import type { SeriesRange } from './api/observations.js';

const PERIODS: readonly Period[] = ['week', 'month', 'quarter'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A chart range lives in the URL (?period=&from=&to=) so a view can be shared and survives reloads.
 * Anything unreadable falls back to the server's default rather than failing the page.
 */
export function rangeFromUrl(url: URL, fallbackPeriod: Period = 'month'): SeriesRange {
  const p = url.searchParams.get('period');
  const period = PERIODS.includes(p as Period) ? (p as Period) : fallbackPeriod;
  let from = url.searchParams.get('from') ?? undefined;
  let to = url.searchParams.get('to') ?? undefined;
  if (from && !DATE.test(from)) from = undefined;
  if (to && !DATE.test(to)) to = undefined;
  // A reversed range is a slip of the hand, not a request for nothing.
  if (from && to && from > to) [from, to] = [to, from];
  return { period, from, to };
}

/** The URL search for a range, keeping any other parameters of `base`. */
export function rangeSearch(range: SeriesRange, base = new URLSearchParams()): string {
  const query = new URLSearchParams(base);
  query.set('period', range.period);
  for (const key of ['from', 'to'] as const) {
    const value = range[key];
    if (value) query.set(key, value);
    else query.delete(key);
  }
  return `?${query}`;
}

/** A named range offered beside the date inputs. */
export interface RangePreset {
  label: string;
  title?: string;
  range: Omit<SeriesRange, 'period'>;
}

const ymd = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * Quick ranges for analysis pages. With old evidence (demo data ends long before today), "the last
 * three years of evidence" is the view that says something; the full range shows the fading after it.
 */
export function analysisPresets(latestEvidence: string | null, today: string): RangePreset[] {
  const presets: RangePreset[] = [];
  if (latestEvidence) {
    const end = endOfMonth(parseISO(latestEvidence));
    const start = startOfYear(addYears(end, -3));
    presets.push({
      label: `${format(start, 'yyyy')} – ${format(end, 'MMM yyyy')}`,
      title: 'The three years up to the latest evidence',
      range: { from: ymd(start), to: ymd(end) }
    });
  }
  presets.push({ label: 'Last 12 months', range: { from: ymd(addYears(parseISO(today), -1)), to: today } });
  return presets;
}

/** The date of the newest observation anywhere in the catalogue, from the overview the layout loads. */
export function latestObservation(overview: Overview | null): string | null {
  const dates = overview?.families.flatMap((f) => f.indicators.map((i) => i.latest?.observedAt ?? '')) ?? [];
  return dates.sort().at(-1) || null;
}
