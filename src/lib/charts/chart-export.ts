// What a chart shows, as files: its visible datasets' points as CSV, its canvas as PNG.
import type { Chart } from 'chart.js';
import { stringify } from 'csv-stringify/browser/esm/sync';

type Plotted = { x: number | string; y: number | null } | number | null;

const dateOf = (x: number | string) => (typeof x === 'number' ? new Date(x).toISOString().slice(0, 10) : x);

/**
 * One row per point of every dataset the chart draws now (hidden ones left out), with the
 * dataset's legend label: the same numbers the reader sees, in the chart's order.
 */
export function chartRows(chart: Chart): { series: string; date: string; value: number | null }[] {
  const labels = chart.data.labels ?? [];
  return chart.data.datasets.flatMap((ds, i) => {
    if (!chart.isDatasetVisible(i) || !ds.label) return [];
    return (ds.data as Plotted[]).flatMap((p, k) => {
      if (p === null) return [];
      const point = typeof p === 'number' ? { x: labels[k] as string, y: p } : p;
      return [{ series: ds.label!, date: dateOf(point.x), value: point.y }];
    });
  });
}

/** RFC 4180 text, with cells a spreadsheet would run as formulas neutralised (as the server's exports). */
export function chartCsv(chart: Chart): string {
  const rows = chartRows(chart).map((r) => [r.series, r.date, r.value ?? '']);
  return stringify(rows, {
    header: true,
    columns: ['series', 'date', 'value'],
    record_delimiter: 'windows',
    escape_formulas: true
  });
}

/**
 * The canvas as a PNG on white (a transparent chart is unreadable in dark viewers). The chart worker
 * copies onto an OffscreenCanvas; the page, drawing charts itself only where a browser lacks one,
 * onto a canvas element.
 */
export function chartPng(chart: Chart): Promise<Blob> {
  const { canvas } = chart;
  const onWhite = <C extends HTMLCanvasElement | OffscreenCanvas>(copy: C) => {
    const ctx = copy.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(canvas, 0, 0);
    return copy;
  };
  if (typeof OffscreenCanvas !== 'undefined')
    return onWhite(new OffscreenCanvas(canvas.width, canvas.height)).convertToBlob({ type: 'image/png' });
  const copy = onWhite(Object.assign(document.createElement('canvas'), { width: canvas.width, height: canvas.height }));
  return new Promise((resolve, reject) =>
    copy.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be saved.'))), 'image/png')
  );
}
