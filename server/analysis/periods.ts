// Calendar arithmetic on YYYY-MM-DD strings, in UTC so a reading's period never depends on
// the server's time zone. Weeks start on Monday (ISO 8601). A day is a period of its own, for
// exports that want every date.

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter';

const DAY_MS = 86_400_000;

export interface PeriodSpan {
  start: string;
  end: string;
}

/** Milliseconds since the epoch at UTC midnight of `date`. */
function utcMs(date: string): number {
  // The fit counts days millions of times over a long history: slicing a YYYY-MM-DD beats splitting it.
  if (date.length === 10) return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function toUtc(date: string): Date {
  return new Date(utcMs(date));
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMs(b) - utcMs(a)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return fromUtc(new Date(utcMs(date) + days * DAY_MS));
}

/** The period of kind `kind` that contains `date`. */
export function periodOf(date: string, kind: PeriodKind): PeriodSpan {
  const d = toUtc(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (kind === 'day') return { start: date, end: date };
  if (kind === 'week') {
    const sinceMonday = (d.getUTCDay() + 6) % 7;
    const start = addDays(date, -sinceMonday);
    return { start, end: addDays(start, 6) };
  }
  const firstMonth = kind === 'month' ? m : m - (m % 3);
  const months = kind === 'month' ? 1 : 3;
  return {
    start: fromUtc(new Date(Date.UTC(y, firstMonth, 1))),
    end: fromUtc(new Date(Date.UTC(y, firstMonth + months, 0)))
  };
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, kind: PeriodKind): PeriodSpan[] {
  const spans: PeriodSpan[] = [];
  const last = periodOf(to, kind).start;
  for (let p = periodOf(from, kind); p.start <= last; p = periodOf(addDays(p.end, 1), kind)) {
    spans.push(p);
  }
  return spans;
}

/** How many periods `periodsBetween` would return, without building them. */
export function countPeriods(from: string, to: string, kind: PeriodKind): number {
  const a = toUtc(periodOf(from, kind).start);
  const b = toUtc(periodOf(to, kind).start);
  if (kind === 'day') return Math.round((b.getTime() - a.getTime()) / DAY_MS) + 1;
  if (kind === 'week') return Math.round((b.getTime() - a.getTime()) / (7 * DAY_MS)) + 1;
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  return Math.floor(months / (kind === 'month' ? 1 : 3)) + 1;
}
