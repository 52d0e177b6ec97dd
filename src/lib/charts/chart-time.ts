// Chart x values from the API's dates. A ten-year chart turns thousands of "YYYY-MM-DD" strings into
// instants, and date-fns' general ISO parser (a dozen regular expressions a call) was a tenth of a
// family chart's drawing on a phone; a plain day needs only its three numbers. Local time, as the
// time axis' date adapter draws.
import { parseISO } from 'date-fns';

const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first instant (local time) of a "YYYY-MM-DD" day plus `days`; any other ISO text is parsed in full. */
function dayStart(iso: string, days: number): number {
  const m = PLAIN_DAY.exec(iso);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days).getTime();
  const d = parseISO(iso);
  if (days) d.setDate(d.getDate() + days);
  return d.getTime();
}

/** The instant a date or timestamp names (a day: its first instant). */
export const instant = (iso: string) => dayStart(iso, 0);

/** The first instant after the day `iso` falls on ends: where a period ending that day stops. */
export const dayAfter = (iso: string) => dayStart(iso, 1);
