import type { DemoObservationFile } from '../../indicators/schema.js';
import type { CatalogueProblem } from './catalogue-error.js';

/** A document's readings stacked on one day drive the fit on their own; past this many, spread them out. */
export const MAX_DEMO_READINGS_A_DAY = 6;

/**
 * Mechanical rules of demonstration data: the same indicator, day and document never twice (that
 * double-counts one report), and at most MAX_DEMO_READINGS_A_DAY readings on any one day.
 */
export function checkDemoObservations(rows: DemoObservationFile[], file: string): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const firstAt = new Map<string, number>();
  const perDay = new Map<string, number[]>();
  rows.forEach((o, i) => {
    const key = `${o.indicator}|${o.observedAt}|${o.document}`;
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else {
      problems.push({
        file,
        path: `observations[${i}]`,
        message: `repeats observations[${first}] (indicator "${o.indicator}", ${o.observedAt}, ${o.document}): one report counts once`
      });
    }
    perDay.set(o.observedAt, [...(perDay.get(o.observedAt) ?? []), i]);
  });
  for (const [day, indices] of perDay) {
    if (indices.length > MAX_DEMO_READINGS_A_DAY) {
      problems.push({
        file,
        path: `observations[${indices.join(', ')}].observedAt`,
        message: `${indices.length} readings fall on ${day}; at most ${MAX_DEMO_READINGS_A_DAY} a day`
      });
    }
  }
  return problems;
}
