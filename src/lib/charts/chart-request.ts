// What a chart card asks to be drawn, as plain data: it crosses to the chart worker by structured
// clone, so it carries no functions; the builders turn it into a chart.js configuration where the
// chart is drawn (in the worker, or in the page where a browser has no OffscreenCanvas).
import type { Annotation, FamilySeries } from '$shared/index.js';
import type { Chart } from 'chart.js';
import { createFamilyChart } from './family-trend.js';
import { createTrendChart } from './indicator-trend.js';
import { createProbabilityChart, type ProbabilityView } from './scenario-probabilities.js';
import type { ChartCanvas } from './setup.js';
import { NARROW_CHART } from './time-axis.js';
import type { TrendInput } from './trend-datasets.js';

export type ChartRequest =
  | { kind: 'trend'; input: TrendInput & { scaleWords: string }; notes: Annotation[] }
  | { kind: 'family'; family: FamilySeries; scaleWords: string; notes: Annotation[] }
  | { kind: 'probability'; fit: ProbabilityView; notes: Annotation[] };

/** Draws `request` on `canvas`, laid out for a chart `width` CSS pixels wide. */
export function buildChart(canvas: ChartCanvas, request: ChartRequest, width: number): Chart {
  const narrow = width < NARROW_CHART;
  switch (request.kind) {
    case 'trend':
      return createTrendChart(canvas, request.input, request.notes, narrow) as unknown as Chart;
    case 'family':
      return createFamilyChart(canvas, request.family, request.scaleWords, request.notes, narrow) as unknown as Chart;
    case 'probability':
      return createProbabilityChart(canvas, request.fit, request.notes) as unknown as Chart;
  }
}
