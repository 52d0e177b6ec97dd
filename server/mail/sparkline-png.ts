import { crc32, deflateSync } from 'node:zlib';

const WIDTH = 320; // drawn at twice the displayed 160×32, for sharp images on dense screens
const HEIGHT = 64;
const PAD = 6;
type Rgb = [number, number, number];
const LINE: Rgb = [31, 78, 121];
const GUIDE: Rgb = [216, 222, 230];

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** Encodes RGB pixels as a PNG (8-bit truecolour, no filtering). */
function encodePng(pixels: Buffer, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

/**
 * A sparkline of readings 1–5 as a PNG: a guide at the baseline level 3, the readings joined
 * where consecutive, a dot on each, nothing where a value is null (no information is not drawn).
 */
export function sparklinePng(values: (number | null)[]): Buffer {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3, 255);
  const plot = (x: number, y: number, [r, g, b]: Rgb, size = 2) => {
    for (let dx = 0; dx < size; dx++)
      for (let dy = 0; dy < size; dy++) {
        const px = Math.round(x) + dx - (size >> 1);
        const py = Math.round(y) + dy - (size >> 1);
        if (px >= 0 && px < WIDTH && py >= 0 && py < HEIGHT) pixels.set([r, g, b], (py * WIDTH + px) * 3);
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
      for (let s = 0; s <= steps; s++) plot(xOf(i - 1) + ((xOf(i) - xOf(i - 1)) * s) / steps, yOf(prev) + ((yOf(v) - yOf(prev)) * s) / steps, LINE, 3);
    }
    plot(xOf(i), yOf(v), LINE, 7);
  });
  return encodePng(pixels, WIDTH, HEIGHT);
}
