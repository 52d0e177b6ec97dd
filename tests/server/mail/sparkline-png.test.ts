import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { sparklinePng } from '../../../server/mail/sparkline-png.js';

const LINE = [31, 78, 121];
const pixel = (png: PNG, x: number, y: number) => [
  ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)
];
/** Rows (top = 0) where column x holds the line colour. */
const lineRows = (png: PNG, x: number) =>
  Array.from({ length: png.height }, (_, y) => y).filter((y) => pixel(png, x, y).join() === LINE.join());

describe('sparklinePng', () => {
  it('is a 320×64 PNG that decodes, white where nothing is drawn', () => {
    const png = PNG.sync.read(sparklinePng([1, 3, 5]));
    expect([png.width, png.height]).toEqual([320, 64]);
    expect(pixel(png, 1, 1)).toEqual([255, 255, 255]);
  });

  it('draws a high reading near the top and a low one near the bottom', () => {
    const png = PNG.sync.read(sparklinePng([1, 5]));
    const low = lineRows(png, 6);
    const high = lineRows(png, 313);
    expect(Math.min(...low)).toBeGreaterThan(50);
    expect(Math.max(...high)).toBeLessThan(14);
  });

  it('leaves a period without a reading undrawn: no line through the gap', () => {
    const png = PNG.sync.read(sparklinePng([3, null, 3]));
    expect(lineRows(png, 160)).toEqual([]);
    expect(lineRows(png, 6).length).toBeGreaterThan(0);
  });
});
