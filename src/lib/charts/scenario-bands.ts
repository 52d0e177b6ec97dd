import type { Chart, Plugin } from 'chart.js';

/** What a scenario-band dataset carries besides its (empty) data: the band and its colour. */
export interface BandCarrier {
  band?: [number, number];
  bandColor?: string;
  /** Set when every band is shown: its column in the strip beside the axis. */
  stripIndex?: number;
}

const STRIP_COLUMN = 7;

// A band of a single level would have no height; ± this much keeps it visible as a thin stripe.
const SINGLE_LEVEL_HALF_HEIGHT = 0.06;

/**
 * Shades every visible scenario band [lo, hi] across the chart area, under the data. The bands live on
 * empty datasets so that each gets a legend entry, and clicking it hides the band like any dataset.
 */
export const scenarioBandsPlugin: Plugin<'line'> = {
  id: 'scenarioBands',
  beforeDatasetsDraw(chart: Chart) {
    const { ctx, chartArea, scales } = chart;
    const y = scales.y;
    if (!y || !chartArea) return;
    ctx.save();
    ctx.beginPath();
    ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
    ctx.clip();
    chart.data.datasets.forEach((dataset, index) => {
      const { band, bandColor, stripIndex } = dataset as BandCarrier;
      if (!band || !bandColor || !chart.isDatasetVisible(index)) return;
      const [lo, hi] =
        band[0] === band[1] ? [band[0] - SINGLE_LEVEL_HALF_HEIGHT, band[1] + SINGLE_LEVEL_HALF_HEIGHT] : band;
      const top = y.getPixelForValue(hi);
      const bottom = y.getPixelForValue(lo);
      if (stripIndex !== undefined) {
        ctx.globalAlpha = 0.85;
        ctx.fillStyle = bandColor;
        ctx.fillRect(chartArea.left + 2 + stripIndex * STRIP_COLUMN, top, STRIP_COLUMN - 2, bottom - top);
        return;
      }
      ctx.globalAlpha = 0.1;
      ctx.fillStyle = bandColor;
      ctx.fillRect(chartArea.left, top, chartArea.width, bottom - top);
      // Edges at full colour so overlapping bands can still be told apart.
      ctx.globalAlpha = 0.55;
      ctx.strokeStyle = bandColor;
      ctx.lineWidth = 1;
      for (const edge of [top, bottom]) {
        ctx.beginPath();
        ctx.moveTo(chartArea.left, Math.round(edge) + 0.5);
        ctx.lineTo(chartArea.right, Math.round(edge) + 0.5);
        ctx.stroke();
      }
    });
    ctx.restore();
  }
};
