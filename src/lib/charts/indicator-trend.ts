import type { ChartConfiguration, LegendItem, TooltipItem } from 'chart.js';
import { Chart, chartItem, type ChartCanvas } from './setup.js';
import type { Annotation } from '$shared/index.js';
import { warningSpan } from '$lib/chart-links.js';
import { firstWords, formatDate, formatPeriod, formatQuantity } from '$lib/format.js';
import { withAnnotations } from './annotations.js';
import { scenarioBandsPlugin } from './scenario-bands.js';
import { NARROW_CHART, timeAxis, wrapTitle } from './time-axis.js';
import { warningAnnotationsPlugin } from './warning-annotations.js';
import {
  LEGEND_ROLES,
  trendDatasets,
  type TrendDataset,
  type TrendInput,
  type TrendPoint,
  type TrendType
} from './trend-datasets.js';
import { chartTheme } from './palette.js';

export type TrendChart = Chart<TrendType, TrendPoint[]>;

// Long-carried confidence decays towards 0; two significant digits keep "0.0031" from showing as "0.00".
const formatConfidence = (c: number) => (c >= 0.1 || c === 0 ? c.toFixed(2) : c.toPrecision(2));

const datasetOf = (item: TooltipItem<TrendType>) => item.dataset as unknown as TrendDataset;

function tooltipTitle(items: TooltipItem<TrendType>[], input: TrendInput): string {
  const item = items[0];
  if (!item) return '';
  const ds = datasetOf(item);
  const period = ds.periods?.[item.dataIndex];
  if (period)
    return `${formatPeriod(period.start, input.series.period)} (${formatDate(period.start)} – ${formatDate(period.end)})`;
  const obs = ds.observations?.[item.dataIndex];
  if (obs) return formatDate(obs.observedAt);
  const warning = ds.warnings?.[item.dataIndex];
  return warning ? warningSpan(warning, formatDate) : '';
}

function tooltipLabel(item: TooltipItem<TrendType>, input: TrendInput): string[] {
  const ds = datasetOf(item);
  if (ds.role === 'reading') {
    const p = ds.periods![item.dataIndex];
    if (p.reading === null) return ['No reading yet'];
    const lines = [`Reading ${p.reading.toFixed(2)}`];
    const confidence = formatConfidence(p.confidence);
    if (p.carried) lines.push(`Carried forward, confidence ${confidence} (no observation this period)`);
    else
      lines.push(`Confidence ${confidence}`, `${p.observationCount} observation${p.observationCount === 1 ? '' : 's'}`);
    return lines;
  }
  if (ds.role === 'observations') {
    const o = ds.observations![item.dataIndex];
    const words = input.indicator.levels[o.level - 1] ?? '';
    return [
      `Observation #${o.id}: level ${o.level} · ${firstWords(words, 8)}`,
      `Grade ${o.reliability}${o.credibility}${o.demo ? ' · demo' : ''}`
    ];
  }
  if (ds.role === 'warning') {
    const w = ds.warnings![item.dataIndex];
    return [w.cause, `Warning #${w.id}, ${w.state}`];
  }
  if (ds.role === 'quantity' && input.indicator.quantity) {
    const q = ds.periods![item.dataIndex].quantity;
    return q === null
      ? []
      : [`${input.indicator.quantity.label}: ${formatQuantity(q)} ${input.indicator.quantity.unit}`];
  }
  return [];
}

/** Legend swatches: a line for the reading and its dashed carried form, a square for bands. */
const shortLabel = (text: string) => text.split(/[:(]/)[0].trim();

function legendLabels(chart: Chart): LegendItem[] {
  const items = Chart.defaults.plugins.legend.labels.generateLabels(chart);
  return items.map((item) => {
    const ds = chart.data.datasets[item.datasetIndex!] as unknown as TrendDataset;
    // Line swatches take the dataset's dash and weight (by default they would take the points').
    const line = ds.legendPointStyle === 'line';
    return {
      ...item,
      // On a phone the long explanations would be clipped at the canvas edge: the words before
      // the colon name the entry, and the table and tooltips explain it.
      text: chart.width < NARROW_CHART ? shortLabel(item.text) : item.text,
      pointStyle: ds.legendPointStyle,
      lineDash: line ? ((ds.borderDash as number[] | undefined) ?? []) : item.lineDash,
      lineWidth: line ? 2 : item.lineWidth,
      strokeStyle: line ? (ds.borderColor as string) : item.strokeStyle
    };
  });
}

export function trendConfig(
  input: TrendInput & { scaleWords: string },
  narrow = false
): ChartConfiguration<TrendType, TrendPoint[]> {
  const { indicator, series } = input;
  const theme = chartTheme();
  return {
    type: 'line',
    data: { datasets: trendDatasets(input) },
    plugins: [scenarioBandsPlugin as never, warningAnnotationsPlugin as never],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: timeAxis(series.points, series),
        y: {
          type: 'linear',
          min: 0.5,
          max: 5.5,
          // Only the five anchored levels get ticks; 0.5 of headroom keeps points off the frame.
          afterBuildTicks: (axis) => {
            axis.ticks = [1, 2, 3, 4, 5].map((value) => ({ value }));
          },
          ticks: {
            // On a phone the level words would squeeze the plot: bare numbers there (the tooltip has the words).
            callback: (value) =>
              narrow ? String(value) : `${value} · ${firstWords(indicator.levels[Number(value) - 1] ?? '', 3)}`,
            font: { size: 11 }
          },
          title: {
            display: true,
            text: narrow ? wrapTitle(`Level (${input.scaleWords})`, 26) : `Level (${input.scaleWords})`
          },
          grid: { color: theme.grid }
        },
        ...(indicator.quantity
          ? {
              quantity: {
                type: 'linear' as const,
                position: 'right' as const,
                beginAtZero: true,
                grace: '8%',
                // Its own colour, and zero at the bottom: the right axis must not read as a level.
                ticks: { precision: 0, color: theme.quantity },
                border: { color: theme.quantity },
                grid: { drawOnChartArea: false },
                title: {
                  display: true,
                  color: theme.quantity,
                  text: wrapTitle(`Right axis: ${indicator.quantity.label} (${indicator.quantity.unit})`, 34)
                }
              }
            }
          : {})
      },
      plugins: {
        legend: {
          position: 'bottom',
          align: 'start',
          labels: {
            usePointStyle: true,
            pointStyleWidth: 26,
            boxHeight: 9,
            padding: 12,
            generateLabels: legendLabels,
            // Warnings are explained by the list under the chart and by their tooltips.
            // In the strip the band picker below is the key, so bands get no legend entries there.
            filter: (item, data) => {
              const ds = data.datasets[item.datasetIndex!] as unknown as TrendDataset;
              return LEGEND_ROLES.includes(ds.role) && ds.stripIndex === undefined;
            }
          },
          // The carried-forward entry only explains a style; hiding it would hide nothing.
          onClick: (e, item, legend) => {
            const ds = legend.chart.data.datasets[item.datasetIndex!] as unknown as TrendDataset;
            if (ds.role !== 'carried-key') Chart.defaults.plugins.legend.onClick.call(legend, e, item, legend);
          }
        },
        tooltip: {
          // Bands, stretches and thresholds have no points; markers and readings do.
          filter: (item) =>
            item.parsed.y !== null && !['band', 'warning-range', 'threshold'].includes(datasetOf(item).role),
          callbacks: {
            title: (items) => tooltipTitle(items, input),
            label: (item) => tooltipLabel(item, input)
          }
        }
      }
    }
  };
}

/** `narrow`: the chart is phone-sized (under NARROW_CHART pixels wide). */
export function createTrendChart(
  canvas: ChartCanvas,
  input: TrendInput & { scaleWords: string },
  annotations: Annotation[] = [],
  narrow = false
): TrendChart {
  return new Chart(chartItem(canvas), withAnnotations(trendConfig(input, narrow), annotations));
}
