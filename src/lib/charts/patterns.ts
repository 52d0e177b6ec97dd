// Fill patterns for "no information" regions. A hatch reads as "unknown" where a flat tint would read as
// a value, which is exactly the difference between "no report" and "nothing happened".
const cache = new Map<string, CanvasPattern | string>();

/** Diagonal stripes of `colour` on transparent ground; falls back to the colour where no canvas exists. */
export function hatch(colour: string, spacing = 7, width = 1.5): CanvasPattern | string {
  const key = `${colour}/${spacing}/${width}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // In the chart worker there is no document: an OffscreenCanvas tiles the same.
  const tile =
    typeof document === 'undefined' ? new OffscreenCanvas(spacing, spacing) : document.createElement('canvas');
  tile.width = tile.height = spacing;
  const ctx = tile.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) return colour;
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  // Three strokes so the stripe continues across tile edges without gaps.
  for (const offset of [-spacing, 0, spacing]) {
    ctx.beginPath();
    ctx.moveTo(offset, spacing);
    ctx.lineTo(offset + spacing, 0);
    ctx.stroke();
  }
  const pattern = ctx.createPattern(tile, 'repeat') ?? colour;
  cache.set(key, pattern);
  return pattern;
}
