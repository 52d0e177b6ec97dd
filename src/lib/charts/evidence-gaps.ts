import type { Chart, Plugin } from 'chart.js';

/** A dataset carrying the stretches of time without evidence, as [from, to) in milliseconds. */
export interface GapCarrier {
  gaps?: { from: number; to: number }[];
  gapFill?: CanvasPattern | string;
}

/**
 * Washes out and hatches the periods that held no evidence, over the data: there the probabilities
 * only fade toward the priors, which is the absence of reporting, not a change on the ground. The gaps
 * ride on an empty dataset, so the legend explains the hatch and can hide it.
 */
export const evidenceGapsPlugin: Plugin<'line'> = {
  id: 'evidenceGaps',
  afterDatasetsDraw(chart: Chart) {
    const { ctx, chartArea, scales } = chart;
    if (!chartArea || !scales.x) return;
    ctx.save();
    ctx.beginPath();
    ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
    ctx.clip();
    chart.data.datasets.forEach((dataset, index) => {
      const { gaps, gapFill } = dataset as GapCarrier;
      if (!gaps || !chart.isDatasetVisible(index)) return;
      for (const gap of gaps) {
        const left = scales.x.getPixelForValue(gap.from);
        const right = scales.x.getPixelForValue(gap.to);
        ctx.fillStyle = 'rgba(255, 255, 255, 0.3)';
        ctx.fillRect(left, chartArea.top, right - left, chartArea.height);
        ctx.fillStyle = gapFill ?? 'rgba(255, 255, 255, 0.3)';
        ctx.fillRect(left, chartArea.top, right - left, chartArea.height);
      }
    });
    ctx.restore();
  }
};

/** Joins consecutive periods without evidence into single stretches, so the hatch runs unbroken. */
export function gapsOf<P>(points: P[], empty: (p: P) => boolean, span: (p: P) => { from: number; to: number }) {
  const gaps: { from: number; to: number }[] = [];
  for (const p of points) {
    if (!empty(p)) continue;
    const { from, to } = span(p);
    const last = gaps.at(-1);
    if (last && last.to >= from) last.to = to;
    else gaps.push({ from, to });
  }
  return gaps;
}
