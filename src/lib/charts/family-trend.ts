import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { Chart, chartItem, type ChartCanvas } from './setup.js';
import type { FamilySeries, SeriesPoint, Annotation } from '$shared/index.js';
import { formatDate, formatPeriod } from '$lib/format.js';
import * as colour from './palette.js';
import { withAnnotations } from './annotations.js';
import { chartTheme } from './palette.js';
import { middle, timeAxis, wrapTitle } from './time-axis.js';
import { CARRIED_DASH } from './trend-datasets.js';

type Point = { x: number; y: number | null };
type FamilyDataset = ChartDataset<'line', Point[]> & {
  periods: SeriesPoint[];
  role: 'composite' | 'indicator' | 'carried-key';
};
export type FamilyChart = Chart<'line', Point[]>;

// Indicator lines are thin and muted so the composite reads first; distinct hues keep them apart.
const INDICATOR_COLOURS = ['#3182ce', '#dd6b20', '#38a169', '#805ad5', '#d53f8c', '#319795', '#975a16'];
const LEVEL_TICKS: Record<number, string> = { 1: '1 · against', 2: '2', 3: '3 · baseline', 4: '4', 5: '5 · toward' };

function lineDataset(label: string, periods: SeriesPoint[], c: string, composite: boolean): FamilyDataset {
  return {
    role: composite ? 'composite' : 'indicator',
    label,
    periods,
    data: periods.map((p) => ({ x: middle(p), y: p.reading })),
    borderColor: c,
    backgroundColor: c,
    borderWidth: composite ? 3.5 : 1.5,
    // Only the composite marks its observed periods (the dash marks carried ones): per-point radii stop
    // chart.js sharing one set of point options, so the thin indicator lines get none and draw cheaply.
    pointRadius: composite ? periods.map((p) => (p.reading === null || p.carried ? 0 : 3.5)) : 0,
    pointHoverRadius: 5,
    spanGaps: false,
    // Dashed where carried forward: "no information" must not look like "nothing happened".
    segment: { borderDash: (ctx) => (periods[ctx.p1DataIndex]?.carried ? CARRIED_DASH : undefined) },
    order: composite ? 0 : 1
  };
}

function carriedKey(): FamilyDataset {
  return {
    role: 'carried-key',
    label: 'Dashed: carried forward, no observation in the period',
    periods: [],
    data: [],
    borderColor: colour.CARRIED,
    backgroundColor: colour.HOLLOW,
    borderDash: CARRIED_DASH,
    borderWidth: 2
  };
}

function tooltipLabel(item: TooltipItem<'line'>): string {
  const ds = item.dataset as FamilyDataset;
  const p = ds.periods[item.dataIndex];
  if (!p || p.reading === null) return `${ds.label}: no reading yet`;
  const how = p.carried ? 'carried forward' : `${p.observationCount} observation${p.observationCount === 1 ? '' : 's'}`;
  return `${ds.label}: ${p.reading.toFixed(2)} (${how})`;
}

export function familyConfig(
  family: FamilySeries,
  scaleWords: string,
  narrow = false
): ChartConfiguration<'line', Point[]> {
  const datasets = [
    lineDataset('Family composite (confidence-weighted mean)', family.composite, colour.READING, true),
    ...family.indicators.map((i, k) =>
      lineDataset(i.title, i.points, INDICATOR_COLOURS[k % INDICATOR_COLOURS.length], false)
    ),
    carriedKey()
  ];
  return {
    type: 'line',
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // The data is already chart.js's own {x, y}, in time order: no parsing, no sorting.
      parsing: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: timeAxis(family.composite, family),
        y: {
          type: 'linear',
          min: 0.5,
          max: 5.5,
          afterBuildTicks: (axis) => {
            axis.ticks = [1, 2, 3, 4, 5].map((value) => ({ value }));
          },
          ticks: { callback: (v) => (narrow ? String(v) : (LEVEL_TICKS[Number(v)] ?? String(v))) },
          // On a phone the one-line title is taller than the chart and would be cut off.
          title: { display: true, text: narrow ? wrapTitle(`Level (${scaleWords})`, 26) : `Level (${scaleWords})` },
          grid: { color: chartTheme().grid }
        }
      },
      plugins: {
        legend: {
          position: 'bottom',
          align: 'start',
          labels: { usePointStyle: true, pointStyle: 'line', pointStyleWidth: 26, padding: 12 },
          onClick: (e, item, legend) => {
            const ds = legend.chart.data.datasets[item.datasetIndex!] as FamilyDataset;
            if (ds.role !== 'carried-key') Chart.defaults.plugins.legend.onClick.call(legend, e, item, legend);
          }
        },
        tooltip: {
          filter: (item) => (item.dataset as FamilyDataset).role !== 'carried-key' && item.parsed.y !== null,
          callbacks: {
            title: (items) => {
              const p = family.composite[items[0]?.dataIndex ?? -1];
              return p ? `${formatPeriod(p.start, family.period)} (${formatDate(p.start)} – ${formatDate(p.end)})` : '';
            },
            label: tooltipLabel
          }
        }
      }
    }
  };
}

/** `narrow`: the chart is phone-sized (under NARROW_CHART pixels wide). */
export function createFamilyChart(
  canvas: ChartCanvas,
  family: FamilySeries,
  scaleWords: string,
  annotations: Annotation[] = [],
  narrow = false
): FamilyChart {
  return new Chart(chartItem(canvas), withAnnotations(familyConfig(family, scaleWords, narrow), annotations));
}
