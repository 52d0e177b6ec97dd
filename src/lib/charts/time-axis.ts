import { chartTheme } from './palette.js';
import type { ScaleOptions } from 'chart.js';
import { dayAfter, instant } from './chart-time.js';

type Span = { start: string; end: string };

/** Below this canvas width (a phone) ticks are bare level numbers and the axis title wraps. */
export const NARROW_CHART = 560;

/** Splits a title into lines of about `width` characters, so a vertical title fits a short chart. */
export function wrapTitle(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length < width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A period's value sits at its middle: it summarises the whole period, not its first day. */
export const middle = (p: Span) => (instant(p.start) + dayAfter(p.end)) / 2;

/** The first instant of a period and the first instant after it, for shading whole periods. */
export const spanOf = (p: Span) => ({ from: instant(p.start), to: dayAfter(p.end) });

/**
 * The "Date" axis every time chart shares. It spans whole periods, not just from..to: a value sits
 * mid-period and would be cut off otherwise.
 */
export function timeAxis(points: Span[], fallback: { from: string; to: string }): ScaleOptions<'time'> {
  return {
    type: 'time',
    min: instant(points[0]?.start ?? fallback.from),
    max: dayAfter(points.at(-1)?.end ?? fallback.to),
    time: { tooltipFormat: 'd MMM yyyy', displayFormats: { month: 'MMM yyyy', quarter: 'QQQ yyyy' } },
    title: { display: true, text: 'Date' },
    ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 },
    grid: { color: chartTheme().grid }
  };
}
