import type { ChartDataset, PointStyle } from 'chart.js';
import type { IndicatorDetail, Observation, Series, SeriesPoint, Warning } from '$shared/index.js';
import type { BandCarrier } from './scenario-bands.js';
import { middle } from './time-axis.js';
import { instant } from './chart-time.js';
import * as colour from './palette.js';
import type { AnnotationCarrier } from './warning-annotations.js';
import { warningDatasets } from './warning-datasets.js';

export type TrendType = 'line' | 'scatter';
export type TrendPoint = { x: number; y: number | null };

export interface TrendInput {
  indicator: Pick<IndicatorDetail, 'levels' | 'quantity' | 'bands' | 'thresholds'>;
  series: Series;
  /** The observations to plot as points, superseded ones already left out. */
  observations: Observation[];
  /** The indicator's warnings, drawn as markers and shaded stretches. */
  warnings: Warning[];
  /** One scenario's band (its id), or 'all' as a compact strip beside the axis. Default: the first. */
  bandChoice?: string;
}

/** What each dataset carries besides chart.js options, for the tooltip, the legend and the band plugin. */
export interface TrendExtras extends BandCarrier, AnnotationCarrier {
  role: 'reading' | 'carried-key' | 'observations' | 'quantity' | 'band' | 'warning' | 'warning-range' | 'threshold';
  legendPointStyle: PointStyle;
  /** Parallel to `data` for reading and quantity. */
  periods?: SeriesPoint[];
  /** Parallel to `data` for observations. */
  observations?: Observation[];
  /** Parallel to `data` for warning markers. */
  warnings?: Warning[];
}

export type TrendDataset = ChartDataset<TrendType, TrendPoint[]> & TrendExtras;

export const CARRIED_DASH = [5, 4];

/** Periods after the last observed one carry nothing new: the line ends at the last reading. */
function upToLastReading(periods: SeriesPoint[]): SeriesPoint[] {
  const last = periods.findLastIndex((p) => p.reading !== null && !p.carried);
  return last < 0
    ? periods.map((p) => ({ ...p, reading: null }))
    : periods.map((p, i) => (i > last ? { ...p, reading: null } : p));
}

function readingDataset(periods: SeriesPoint[]): TrendDataset {
  return {
    type: 'line',
    role: 'reading',
    label: 'Reading: weighted mean level per period (solid = observed)',
    legendPointStyle: 'line',
    periods,
    data: periods.map((p) => ({ x: middle(p), y: p.reading })),
    // Already chart.js's own {x, y}, one per period in time order: nothing to parse.
    parsing: false,
    borderColor: colour.READING,
    backgroundColor: colour.READING,
    borderWidth: 2,
    // Carried points are smaller: long runs of them should read as a dashed line, not a string of beads.
    pointRadius: periods.map((p) => (p.reading === null ? 0 : p.carried ? 2.5 : 3.5)),
    pointHoverRadius: 5,
    pointBackgroundColor: periods.map((p) => (p.carried ? colour.HOLLOW : colour.READING)),
    pointBorderColor: periods.map((p) => (p.carried ? colour.CARRIED : colour.READING)),
    pointBorderWidth: 1.5,
    spanGaps: false,
    // A segment is dashed when it leads into a carried period: that stretch is inferred, not observed.
    segment: {
      borderDash: (ctx) => (periods[ctx.p1DataIndex]?.carried ? CARRIED_DASH : undefined),
      borderColor: (ctx) => (periods[ctx.p1DataIndex]?.carried ? colour.CARRIED : undefined)
    },
    order: 0
  };
}

/** Legend-only entry: explains the dashed, hollow style of carried-forward periods. */
function carriedKeyDataset(): TrendDataset {
  return {
    type: 'line',
    role: 'carried-key',
    label: 'Carried forward: no observation in the period, confidence decaying (dashed, hollow)',
    legendPointStyle: 'line',
    data: [],
    borderColor: colour.CARRIED,
    backgroundColor: colour.HOLLOW,
    borderDash: CARRIED_DASH,
    borderWidth: 2,
    order: 1
  };
}

function observationsDataset(observations: Observation[]): TrendDataset {
  return {
    type: 'scatter',
    role: 'observations',
    label: 'Individual observations',
    legendPointStyle: 'rectRot',
    observations,
    data: observations.map((o) => ({ x: instant(o.observedAt), y: o.level })),
    pointStyle: 'rectRot',
    pointRadius: 4,
    pointHoverRadius: 6,
    backgroundColor: colour.OBSERVATION,
    borderColor: colour.READING,
    borderWidth: 0.75,
    order: 2
  };
}

/**
 * Quantities are sparse (few reports give a count): a thin line with square markers, joined only between
 * adjacent periods, because a line across a gap would invent counts nobody reported.
 */
function quantityDataset(periods: SeriesPoint[], quantity: { unit: string; label: string }): TrendDataset {
  return {
    type: 'line',
    role: 'quantity',
    label: `${quantity.label} (${quantity.unit}, right axis)`,
    legendPointStyle: 'rect',
    periods,
    yAxisID: 'quantity',
    data: periods.map((p) => ({ x: middle(p), y: p.quantity })),
    parsing: false,
    borderColor: colour.QUANTITY_EDGE,
    backgroundColor: colour.QUANTITY_EDGE,
    borderWidth: 1.25,
    pointStyle: 'rect',
    pointRadius: 3,
    pointHoverRadius: 5,
    spanGaps: false,
    order: 3
  };
}

/**
 * One band shaded across the chart (the reader's pick), or with 'all' every band as a narrow column
 * of a strip beside the level axis: five shaded bands on top of each other read as muddy colour.
 */
function bandDatasets(bands: IndicatorDetail['bands'], choice: string | undefined): TrendDataset[] {
  const strip = choice === 'all';
  const picked = strip ? bands : bands.filter((b, i) => (choice ? b.scenarioId === choice : i === 0));
  return picked.map(({ scenarioId, scenarioTitle, band }) => {
    const i = bands.findIndex((b) => b.scenarioId === scenarioId);
    const c = colour.scenarioColour(i);
    return {
      type: 'line',
      role: 'band',
      label: `${scenarioTitle}: expects ${band[0] === band[1] ? band[0] : `${band[0]}–${band[1]}`}`,
      legendPointStyle: 'rect',
      data: [],
      band,
      bandColor: c,
      stripIndex: strip ? i : undefined,
      backgroundColor: colour.withAlpha(c, 0.3),
      borderColor: c,
      borderWidth: 1,
      order: 10 + i
    };
  });
}

/** Every dataset of the trend chart, in legend order. */
export function trendDatasets({ indicator, series, observations, warnings, bandChoice }: TrendInput): TrendDataset[] {
  const periods = series.points;
  return [
    readingDataset(upToLastReading(periods)),
    carriedKeyDataset(),
    observationsDataset(observations),
    ...(indicator.quantity ? [quantityDataset(periods, indicator.quantity)] : []),
    ...bandDatasets(indicator.bands, bandChoice),
    // Staleness is listed under the chart, not hatched on it: a hatched tail reads as data.
    ...warningDatasets(
      warnings.filter((w) => w.kind !== 'staleness'),
      indicator.thresholds
    )
  ];
}

/** Roles with a legend entry: at most six (reading, carried, observations, quantity, one band, tripwire). */
export const LEGEND_ROLES: readonly TrendExtras['role'][] = [
  'reading',
  'carried-key',
  'observations',
  'quantity',
  'band',
  'threshold'
];
