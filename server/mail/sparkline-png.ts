import { PNG } from 'pngjs';

const WIDTH = 320; // drawn at twice the displayed 160×32, for sharp images on dense screens
const HEIGHT = 64;
const PAD = 6;
type Rgb = [number, number, number];
const LINE: Rgb = [31, 78, 121];
const GUIDE: Rgb = [216, 222, 230];

/**
 * A sparkline of readings 1–5 as a PNG: a guide at the baseline level 3, the readings joined
 * where consecutive, a dot on each, nothing where a value is null (no information is not drawn).
 */
export function sparklinePng(values: (number | null)[]): Buffer {
  // pngjs holds RGBA pixels; white and opaque to begin with.
  const png = new PNG({ width: WIDTH, height: HEIGHT });
  png.data.fill(255);
  const plot = (x: number, y: number, [r, g, b]: Rgb, size = 2) => {
    for (let dx = 0; dx < size; dx++)
      for (let dy = 0; dy < size; dy++) {
        const px = Math.round(x) + dx - (size >> 1);
        const py = Math.round(y) + dy - (size >> 1);
        if (px >= 0 && px < WIDTH && py >= 0 && py < HEIGHT) png.data.set([r, g, b, 255], (py * WIDTH + px) * 4);
      }
  };
  const yOf = (v: number) => HEIGHT - PAD - ((v - 1) / 4) * (HEIGHT - 2 * PAD);
  const xOf = (i: number) => (values.length <= 1 ? WIDTH / 2 : PAD + (i / (values.length - 1)) * (WIDTH - 2 * PAD));
  for (let x = 0; x < WIDTH; x += 6) plot(x, yOf(3), GUIDE, 2);
  values.forEach((v, i) => {
    if (v === null) return;
    const prev = values[i - 1];
    if (i > 0 && prev !== null && prev !== undefined) {
      const steps = Math.ceil(Math.hypot(xOf(i) - xOf(i - 1), yOf(v) - yOf(prev)));
      for (let s = 0; s <= steps; s++)
        plot(xOf(i - 1) + ((xOf(i) - xOf(i - 1)) * s) / steps, yOf(prev) + ((yOf(v) - yOf(prev)) * s) / steps, LINE, 3);
    }
    plot(xOf(i), yOf(v), LINE, 7);
  });
  return PNG.sync.write(png, { colorType: 2 });
}
