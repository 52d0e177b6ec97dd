// Chart annotations (events and stretches of time an officer noted) drawn on any time chart with
// chartjs-plugin-annotation (registered in setup.ts). A chart builder adds them with one call: withAnnotations(config, notes).
import type { ChartConfiguration, ChartType } from 'chart.js';
import { dayAfter, instant } from './chart-time.js';
import type { Annotation } from '$shared/index.js';

const INK = '#6b4e16';
const FILL = 'rgba(242, 177, 52, 0.13)';

/** The notes that touch from..to (inclusive days), in date order. */
export function annotationsBetween(annotations: readonly Annotation[], from: string, to: string): Annotation[] {
  return annotations.filter((a) => a.startsOn <= to && (a.endsOn ?? a.startsOn) >= from);
}

/** The number a note carries on the chart and in the list under it: its place in date order, from 1. */
export const annotationNumber = (index: number) => String(index + 1);

function drawn(a: Annotation, index: number): Record<string, unknown> {
  const start = instant(a.startsOn);
  const label = {
    display: true,
    content: annotationNumber(index),
    backgroundColor: INK,
    color: '#fff',
    font: { size: 10, weight: 'bold' as const },
    padding: { x: 5, y: 2 },
    borderRadius: 3
  };
  if (!a.endsOn) {
    // Numbers sit along the top edge, clear of the level labels and the date axis.
    return {
      type: 'line',
      xMin: start,
      xMax: start,
      borderColor: INK,
      borderWidth: 1.5,
      borderDash: [4, 3],
      label: { ...label, position: 'end' },
      drawTime: 'afterDatasetsDraw'
    };
  }
  // A range includes its last day: it ends at the start of the next one.
  const end = dayAfter(a.endsOn);
  // Drawn over the data (the fill is faint) so bands and stretches do not hide it.
  return {
    type: 'box',
    xMin: start,
    xMax: end,
    backgroundColor: FILL,
    borderColor: INK,
    borderWidth: 0,
    // A box's label has no background of its own: the number is drawn in the ink colour.
    label: { ...label, color: INK, position: { x: 'start', y: 'start' } },
    drawTime: 'afterDatasetsDraw'
  };
}

/**
 * Adds the notes to a time chart's configuration: a dashed line for a date, a shaded stretch for
 * a range, each numbered like the list the page shows beside the chart.
 */
export function withAnnotations<T extends ChartType, D, L>(
  config: ChartConfiguration<T, D, L>,
  annotations: readonly Annotation[] = []
): ChartConfiguration<T, D, L> {
  const options = (config.options ?? {}) as { plugins?: Record<string, unknown> };
  const entries = Object.fromEntries(annotations.map((a, i) => [`note-${a.id}`, drawn(a, i)]));
  config.options = {
    ...options,
    plugins: { ...options.plugins, annotation: { annotations: entries } }
  } as typeof config.options;
  return config;
}
