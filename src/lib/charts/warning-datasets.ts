import type { PointStyle } from 'chart.js';
import { dayAfter, instant } from './chart-time.js';
import type { IndicatorSummary, Warning, WarningKind } from '$shared/index.js';
import { runsToNow } from '$lib/chart-links.js';
import { hatch } from './patterns.js';
import type { TrendDataset } from './trend-datasets.js';

/** A warning's stretch of time; `to` null means it is still running (drawn to the chart's right edge). */
export interface WarningRange {
  from: number;
  to: number | null;
  warning: Warning;
}

export const WARNING_COLOURS: Record<WarningKind, string> = {
  tripwire: '#c53030',
  recovery: '#2f855a',
  novelty: '#805ad5',
  staleness: '#8593a3',
  shift: '#b7791f'
};

// Markers sit in lanes above level 5 (the axis runs to 5.5), clear of readings and bands, so a marker
// never hides a reading. Tripwire and recovery share a lane: one indicator cannot do both at once.
const LANE: Partial<Record<WarningKind, number>> = { tripwire: 5.36, recovery: 5.36, novelty: 5.17 };

const MARKERS: { kind: WarningKind; label: string; style: PointStyle; rotation: number }[] = [
  { kind: 'tripwire', label: 'Tripwire fired (▲)', style: 'triangle', rotation: 0 },
  { kind: 'recovery', label: 'Tripwire recovered (▼)', style: 'triangle', rotation: 180 },
  { kind: 'novelty', label: 'Novelty: highest reading in years (★)', style: 'star', rotation: 0 }
];

/** `until` is the day the condition ended, and the range covers it; null runs to the chart's edge. */
function endOf(w: Warning): number | null {
  if (w.until !== null) return dayAfter(w.until);
  return runsToNow(w) ? null : dayAfter(w.at);
}

function markerDatasets(warnings: Warning[]): TrendDataset[] {
  return MARKERS.flatMap(({ kind, label, style, rotation }) => {
    const list = warnings.filter((w) => w.kind === kind);
    if (!list.length) return [];
    const colour = WARNING_COLOURS[kind];
    return [
      {
        type: 'scatter' as const,
        role: 'warning' as const,
        label,
        legendPointStyle: style,
        warnings: list,
        data: list.map((w) => ({ x: instant(w.at), y: LANE[kind]! })),
        pointStyle: style,
        rotation,
        pointRadius: 6,
        pointHoverRadius: 8,
        backgroundColor: colour,
        // A star is drawn as strokes only, so it needs the colour on its border; filled shapes get a white rim.
        borderColor: style === 'star' ? colour : '#ffffff',
        borderWidth: style === 'star' ? 2 : 1,
        // Let a marker at the window's very edge show whole rather than cut in half.
        clip: 8,
        order: 4
      }
    ];
  });
}

function rangeDataset(kind: 'tripwire' | 'staleness', label: string, warnings: Warning[]): TrendDataset[] {
  const list = warnings.filter((w) => w.kind === kind);
  if (!list.length) return [];
  const colour = WARNING_COLOURS[kind];
  const fill = kind === 'staleness' ? hatch('rgba(133, 147, 163, 0.45)') : 'rgba(197, 48, 48, 0.09)';
  return [
    {
      type: 'line',
      role: 'warning-range',
      label,
      legendPointStyle: 'rect',
      data: [],
      ranges: list.map((w) => ({ from: instant(w.at), to: endOf(w), warning: w })),
      rangeFill: fill,
      backgroundColor: fill,
      borderColor: colour,
      borderWidth: 1,
      order: 20
    }
  ];
}

/** Legend entry for the dashed threshold lines; the annotation plugin draws them. */
function thresholdDataset(thresholds: IndicatorSummary['thresholds']): TrendDataset {
  return {
    type: 'line',
    role: 'threshold',
    label: `Tripwire: fires at ${thresholds.fire}, recovers at ${thresholds.recover} (dashed)`,
    legendPointStyle: 'line',
    data: [],
    thresholds,
    borderColor: WARNING_COLOURS.tripwire,
    backgroundColor: WARNING_COLOURS.tripwire,
    borderDash: [6, 4],
    borderWidth: 1.5,
    order: 19
  };
}

/** Warnings as chart layers: markers with tooltips, shaded stretches, and the tripwire thresholds. */
export function warningDatasets(warnings: Warning[], thresholds: IndicatorSummary['thresholds']): TrendDataset[] {
  return [
    ...markerDatasets(warnings),
    ...rangeDataset('tripwire', 'Tripwire firing (shaded red)', warnings),
    ...rangeDataset('staleness', 'Stale: no report within the cadence (hatched)', warnings),
    thresholdDataset(thresholds)
  ];
}
