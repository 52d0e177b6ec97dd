// A sparkline's paths: observed and carried months apart, gaps left open, and a summary in words.
import { describe, expect, it } from 'vitest';
import { sparkPaths, type SparkPoint } from '../../src/lib/spark-paths.js';

const month = (i: number, reading: number | null, carried = false): SparkPoint => ({
  start: `2024-${String(i + 1).padStart(2, '0')}-01`,
  reading,
  carried
});
const moves = (path: string) => (path.match(/M/g) ?? []).length;

describe('sparkPaths', () => {
  it('draws a month by the style of the month it leads into, and leaves a gap open', () => {
    const drawn = sparkPaths([month(0, 2), month(1, 3), month(2, 3, true), month(3, null), month(4, 4)], 130, 26);
    expect(moves(drawn.solid)).toBe(1); // Jan → Feb
    expect(moves(drawn.carried)).toBe(1); // Feb → Mar (carried); nothing across the empty April
    expect(moves(drawn.solidDots)).toBe(3); // one move per dot: Jan, Feb, May
    expect(moves(drawn.carriedDots)).toBe(1);
    expect(drawn.summary).toBe('3 observed of 4 months, latest reading 4.0');
  });

  it('draws a run of months in one style as one line', () => {
    const drawn = sparkPaths([month(0, 2), month(1, 3), month(2, 4), month(3, 4, true), month(4, 4, true)], 130, 26);
    expect(drawn.solid).toBe('M3 18L34 13 65 8');
    expect(drawn.carried).toBe('M65 8L96 8 127 8');
  });

  it('keeps only observed and latest dots on a long carried run', () => {
    const points = Array.from({ length: 36 }, (_, i) => month(i % 12, 3, i > 0));
    const drawn = sparkPaths(points, 130, 26);
    expect(moves(drawn.carriedDots)).toBe(1); // the latest month only
    expect(drawn.summary).toBe('1 observed of 36 months, latest reading 3.0 (carried forward)');
  });

  it('says so when there is nothing to draw, with the middle line at level 3', () => {
    const drawn = sparkPaths([month(0, null)], 130, 26);
    expect(drawn.solid + drawn.carried + drawn.solidDots + drawn.carriedDots).toBe('');
    expect(drawn.summary).toBe('No readings yet');
    expect(drawn.middle).toBe(13);
  });
});
