import { format, parseISO } from 'date-fns';

// Dates are written by hand rather than with date-fns' format(), which interprets its pattern on every
// call: a table or an overview formats hundreds of dates while the page first renders, and a phone
// felt it. The unit tests hold these to date-fns' own output.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const two = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getDate()} ${MONTHS[d.getMonth()]} ${String(d.getFullYear()).padStart(4, '0')}`;

/** The number of days in month `m` (1–12) of year `y`: leap years repeat every 400 years. */
const daysIn = (y: number, m: number) => new Date(Date.UTC(2000 + (y % 400), m, 0)).getUTCDate();

/** "15 Mar 2024" for a YYYY-MM-DD or ISO timestamp. */
export function formatDate(iso: string): string {
  const plain = PLAIN_DAY.exec(iso);
  if (plain) {
    // A calendar day names itself: no Date, no time zone, no parsing beyond its three numbers.
    const [y, m, d] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
    return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) ? `${d} ${MONTHS[m - 1]} ${plain[1]}` : iso;
  }
  const d = parseISO(iso);
  return Number.isNaN(d.getTime()) ? iso : day(d);
}

/** "15 Mar 2024 14:05" in the reader's time zone, for when something was recorded. */
export function formatDateTime(iso: string): string {
  const d = parseISO(iso);
  return Number.isNaN(d.getTime()) ? iso : `${day(d)} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "15 Mar 2024 14:05" in UTC, for the hover text beside a local time. */
export function utcDateTime(iso: string): string {
  const d = parseISO(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The reader's time zone at that moment as its offset from UTC ("UTC", "UTC+1", "UTC-3:30"). Worked
 * out by arithmetic, not Intl: building a zone-name formatter loads the locale data, which costs a slow
 * phone a tenth of a second on the first screen; an offset is as exact and reads the same everywhere.
 */
export function zoneName(iso: string): string {
  const d = parseISO(iso);
  if (Number.isNaN(d.getTime())) return '';
  const east = -d.getTimezoneOffset();
  if (east === 0) return 'UTC';
  const hours = Math.floor(Math.abs(east) / 60);
  const minutes = Math.abs(east) % 60;
  return `UTC${east > 0 ? '+' : '-'}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** "15 Mar 2024 14:05 UTC+1": a local time named with its zone, for running text where a <Time> cannot go. */
export function formatDateTimeWithZone(iso: string): string {
  const zone = zoneName(iso);
  return zone ? `${formatDateTime(iso)} ${zone}` : formatDateTime(iso);
}

/** Period label for the trend tooltip: "Mar 2024", "Q1 2024" or "week of 4 Mar 2024". */
export function formatPeriod(start: string, period: 'week' | 'month' | 'quarter'): string {
  const d = parseISO(start);
  if (period === 'month') return format(d, 'MMM yyyy');
  if (period === 'quarter') return format(d, 'QQQ yyyy');
  return `week of ${format(d, 'd MMM yyyy')}`;
}

/**
 * 11000 → "11,000"; 2.345 → "2.35"; -1234.5 → "-1,234.5". By hand rather than toLocaleString, which
 * builds a number formatter (locale data) on every call: a table of quantities paid for each row.
 */
export function formatQuantity(q: number): string {
  if (!Number.isFinite(q)) return String(q);
  const [whole, fraction] = Math.abs(q).toFixed(2).split('.');
  const digits = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = q < 0 && (whole !== '0' || digits) ? '-' : '';
  return `${sign}${grouped}${digits ? `.${digits}` : ''}`;
}

/** 0.25 → "25%". */
export const percent = (p: number) => `${Math.round(p * 100)}%`;

/** Today in the browser's calendar, YYYY-MM-DD (not UTC: an analyst late at night means their today). */
export function localToday(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

/** First few words of a level anchor, for axis ticks and compact cells. */
export function firstWords(text: string, max = 4): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length <= max ? text : `${words.slice(0, max).join(' ')}…`;
}

/** How long ago, in the unit a person would use: "12 days ago", "5 months ago", "3 years ago". */
export function ageWords(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return '1 day ago';
  if (days < 60) return `${days} days ago`;
  if (days < 730) return `${Math.round(days / 30.44)} months ago`;
  return `${Math.round(days / 365.25)} years ago`;
}

/** A cadence in plain words: 7 → "weekly", 30 → "monthly", 90 → "quarterly", else "every 45 days". */
export function cadenceWords(days: number): string {
  const named: Record<number, string> = {
    1: 'daily',
    7: 'weekly',
    14: 'fortnightly',
    30: 'monthly',
    31: 'monthly',
    90: 'quarterly',
    91: 'quarterly',
    182: 'twice a year',
    365: 'yearly'
  };
  return named[days] ?? `every ${days} days`;
}
