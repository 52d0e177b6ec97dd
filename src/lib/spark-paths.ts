// A sparkline's drawing as four SVG paths, in one pass over its months. The overview holds dozens of
// sparklines of up to ten years each, drawn while the page first renders: one loop, no per-month
// objects, and short path text (the browser parses every path): coordinates rounded to a tenth of a
// pixel, and a run of months in one style is one polyline ("M x y L x y x y …"), not a move per month.

export type SparkPoint = { start: string; reading: number | null; carried: boolean };

export interface SparkPaths {
  /** Lines between months, by the style of the month each leads into. */
  solid: string;
  carried: string;
  /** Dots of observed and of carried-forward months. */
  solidDots: string;
  carriedDots: string;
  /** The y of level 3, the scale's middle. */
  middle: number;
  summary: string;
}

const PAD = 3;
const round = (v: number) => Math.round(v * 10) / 10;

/** Draws `points` (monthly readings on the 1–5 scale) in a `width` × `height` box. */
export function sparkPaths(points: SparkPoint[], width: number, height: number): SparkPaths {
  const n = points.length;
  const x = (i: number) => round(n <= 1 ? width / 2 : PAD + (i * (width - 2 * PAD)) / (n - 1));
  const y = (level: number) => round(PAD + ((5 - level) * (height - 2 * PAD)) / 4);
  // A circle as two arcs, so every dot of one style fits in a single path.
  const circle = (cx: number, cy: number, r: number) =>
    `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  // Long runs of hollow dots would merge into a bead string; past a couple of years only observed
  // months and the latest month get a dot, and the dashed line alone says "carried".
  const dense = n > 24;
  let solid = '';
  let carried = '';
  let solidDots = '';
  let carriedDots = '';
  let observed = 0;
  let known = 0;
  let last: SparkPoint | null = null;
  let prevX = 0;
  let prevY = 0;
  let prevKnown = false;
  // The style of the segment that ended at the previous month, when there was one.
  let runStyle: 'solid' | 'carried' | null = null;
  for (let i = 0; i < n; i++) {
    const p = points[i];
    if (p.reading === null) {
      [prevKnown, runStyle] = [false, null];
      continue;
    }
    const px = x(i);
    const py = y(p.reading);
    if (prevKnown) {
      const style = p.carried ? 'carried' : 'solid';
      const segment = style === runStyle ? ` ${px} ${py}` : `M${prevX} ${prevY}L${px} ${py}`;
      if (style === 'carried') carried += segment;
      else solid += segment;
      runStyle = style;
    }
    const isLast = i === n - 1;
    if (!(dense && p.carried && !isLast)) {
      const dot = circle(px, py, isLast ? 2.6 : 1.7);
      if (p.carried) carriedDots += dot;
      else solidDots += dot;
    }
    known++;
    if (!p.carried) observed++;
    last = p;
    [prevX, prevY, prevKnown] = [px, py, true];
  }
  const summary = last
    ? `${observed} observed of ${known} months, latest reading ${last.reading!.toFixed(1)}${last.carried ? ' (carried forward)' : ''}`
    : 'No readings yet';
  return { solid, carried, solidDots, carriedDots, middle: y(3), summary };
}
