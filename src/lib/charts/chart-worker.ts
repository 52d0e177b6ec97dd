// The chart worker: chart.js evaluates and draws here, on canvases the page hands over with
// transferControlToOffscreen, so a ten-year chart never blocks the page's thread (a slow phone spent
// a third of a second per chart there). The page forwards pointer events and size changes, and asks
// for the chart's PNG and CSV; see chart-surface.ts for the other side.
import { Chart } from './setup.js';
import { buildChart } from './chart-request.js';
import { chartCsv, chartPng } from './chart-export.js';
import type { ToWorker } from './chart-messages.js';

const canvases = new Map<number, { canvas: OffscreenCanvas; chart: Chart | null }>();

const reply = (message: unknown) => (self as unknown as Worker).postMessage(message);

self.onmessage = async ({ data }: MessageEvent<ToWorker>) => {
  const entry = canvases.get(data.id);
  try {
    switch (data.type) {
      case 'attach':
        canvases.set(data.id, { canvas: data.canvas, chart: null });
        // The page's pixel ratio (a worker has none of its own): sharp lines on a phone's screen.
        Chart.defaults.devicePixelRatio = data.dpr;
        return;
      case 'draw': {
        if (!entry) return;
        entry.chart?.destroy();
        // The canvas' own size is the chart's size in CSS pixels; chart.js scales it by the ratio.
        entry.canvas.width = data.width;
        entry.canvas.height = data.height;
        entry.chart = buildChart(entry.canvas, data.request, data.width);
        return reply({ type: 'drawn', seq: data.seq, legendItems: entry.chart.legend?.legendItems?.length ?? 0 });
      }
      case 'resize':
        entry?.chart?.resize(data.width, data.height);
        return;
      case 'event':
        // chart.js' own entry point for an event, as its platform would call it in the page.
        (entry?.chart as unknown as { _eventHandler?: (e: unknown) => void })?._eventHandler?.({
          type: data.event,
          x: data.x,
          y: data.y,
          native: { type: data.event }
        });
        return;
      case 'png':
        return reply({ type: 'file', seq: data.seq, file: entry?.chart ? await chartPng(entry.chart) : null });
      case 'csv':
        return reply({ type: 'file', seq: data.seq, file: entry?.chart ? chartCsv(entry.chart) : null });
      case 'release':
        entry?.chart?.destroy();
        canvases.delete(data.id);
        return;
    }
  } catch (e) {
    if ('seq' in data) reply({ type: 'failed', seq: data.seq, message: e instanceof Error ? e.message : String(e) });
  }
};
