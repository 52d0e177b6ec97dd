import { addMonths, format, parseISO } from 'date-fns';
import type { Warning } from '$shared/index.js';
import { rangeSearch } from './range.js';

const shifted = (iso: string, months: number) => format(addMonths(parseISO(iso), months), 'yyyy-MM-dd');

/**
 * Where a warning can be seen on a chart: the indicator's trend (or, for a scenario shift, the scenario
 * view in weeks, the period shifts are judged in) around the warning's dates, with some context before.
 * A stretch still running is shown up to today.
 */
export function warningChartHref(w: Warning): string {
  if (w.kind === 'shift' || !w.indicatorId) {
    return `/scenarios${rangeSearch({ period: 'week', from: shifted(w.at, -4), to: shifted(w.at, 2) })}`;
  }
  const to = runsToNow(w) ? undefined : shifted(w.until ?? w.at, 6);
  return `/indicators/${encodeURIComponent(w.indicatorId)}${rangeSearch({ period: 'month', from: shifted(w.at, -12), to })}`;
}

/** An indicator's trend around a date: a year of context before, a few months after. */
export function indicatorHrefAround(indicatorId: string, at: string, until: string = at): string {
  return `/indicators/${encodeURIComponent(indicatorId)}${rangeSearch({ period: 'month', from: shifted(at, -12), to: shifted(until, 3) })}`;
}

/** "open", "acknowledged 3 Feb 2024", "resolved 5 Mar 2024". */
export function warningStateWords(w: Warning, formatDate: (iso: string) => string): string {
  if (w.state === 'acknowledged' && w.acknowledgedAt)
    return `acknowledged ${formatDate(w.acknowledgedAt)}${w.acknowledgedBy ? ` by ${w.acknowledgedBy}` : ''}`;
  if (w.state === 'resolved' && w.resolvedAt) return `resolved ${formatDate(w.resolvedAt)}`;
  return w.state;
}

/**
 * A tripwire still firing or a gap still unreported runs to now. A resolved one without an end was
 * withdrawn (a correction removed its evidence), so it does not run on.
 */
export const runsToNow = (w: Warning) =>
  w.until === null && w.state !== 'resolved' && (w.kind === 'tripwire' || w.kind === 'staleness');

/** "1 Jan 2024", "1 Jan 2024 – 1 May 2024", or "14 Apr 2024 – now" for a stretch still running. */
export function warningSpan(w: Warning, formatDate: (iso: string) => string): string {
  if (w.until) return `${formatDate(w.at)} – ${formatDate(w.until)}`;
  return runsToNow(w) ? `${formatDate(w.at)} – now` : formatDate(w.at);
}
