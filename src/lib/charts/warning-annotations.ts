import type { Chart, Plugin } from 'chart.js';
import type { IndicatorSummary } from '$shared/index.js';
import type { WarningRange } from './warning-datasets.js';

/** What an annotation dataset carries besides its (empty) data. */
export interface AnnotationCarrier {
  ranges?: WarningRange[];
  rangeFill?: CanvasPattern | string;
  thresholds?: IndicatorSummary['thresholds'];
}

type Carrier = AnnotationCarrier & { borderColor?: unknown };

function visibleCarriers(chart: Chart): Carrier[] {
  return chart.data.datasets.flatMap((ds, i) => (chart.isDatasetVisible(i) ? [ds as Carrier] : []));
}

function drawRanges(chart: Chart, carrier: Carrier) {
  const { ctx, chartArea, scales } = chart;
  for (const r of carrier.ranges ?? []) {
    const left = Math.max(chartArea.left, scales.x.getPixelForValue(r.from));
    // Still running: it runs to "now", the right edge of the chart.
    const right = r.to === null ? chartArea.right : Math.min(chartArea.right, scales.x.getPixelForValue(r.to));
    if (right <= left) continue;
    ctx.fillStyle = carrier.rangeFill ?? 'rgba(0,0,0,0.05)';
    ctx.fillRect(left, chartArea.top, right - left, chartArea.height);
    // A coloured cap along the top marks where the stretch begins and ends even under busy data.
    ctx.fillStyle = String(carrier.borderColor);
    ctx.globalAlpha = 0.7;
    ctx.fillRect(left, chartArea.top, right - left, 3);
    ctx.globalAlpha = 1;
  }
}

function thresholdLines(chart: Chart, carrier: Carrier, withLabels: boolean) {
  const { ctx, chartArea, scales } = chart;
  const t = carrier.thresholds;
  if (!t) return;
  const lines = [
    { value: t.fire, text: `tripwire fires at ${t.fire}`, above: true },
    { value: t.recover, text: `recovers at ${t.recover}`, above: false }
  ];
  ctx.strokeStyle = String(carrier.borderColor);
  ctx.fillStyle = String(carrier.borderColor);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'right';
  for (const line of lines) {
    const y = Math.round(scales.y.getPixelForValue(line.value)) + 0.5;
    if (!withLabels) {
      ctx.setLineDash(line.above ? [6, 4] : [2, 3]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(chartArea.left, y);
      ctx.lineTo(chartArea.right, y);
      ctx.stroke();
      continue;
    }
    // Fire label above its line, recover label below: they never collide, even when equal.
    const textY = line.above ? y - 4 : y + 12;
    const width = ctx.measureText(line.text).width;
    ctx.save();
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(chartArea.right - width - 8, textY - 10, width + 6, 13);
    ctx.restore();
    ctx.fillText(line.text, chartArea.right - 5, textY);
  }
}

/**
 * Draws the warnings' stretches (tripwire firing, staleness) and the tripwire's threshold lines under
 * the data, and the threshold labels over it. Like the scenario bands, each layer lives on an empty
 * dataset so that it has a legend entry and hides when that entry is clicked.
 */
export const warningAnnotationsPlugin: Plugin<'line'> = {
  id: 'warningAnnotations',
  beforeDatasetsDraw(chart: Chart) {
    const { ctx, chartArea } = chart;
    if (!chartArea || !chart.scales.x || !chart.scales.y) return;
    ctx.save();
    ctx.beginPath();
    ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
    ctx.clip();
    for (const carrier of visibleCarriers(chart)) {
      if (carrier.ranges) drawRanges(chart, carrier);
      if (carrier.thresholds) thresholdLines(chart, carrier, false);
    }
    ctx.restore();
  },
  afterDatasetsDraw(chart: Chart) {
    if (!chart.chartArea || !chart.scales.y) return;
    chart.ctx.save();
    for (const carrier of visibleCarriers(chart)) if (carrier.thresholds) thresholdLines(chart, carrier, true);
    chart.ctx.restore();
  }
};
