// The messages between the page and the chart worker (chart-surface.ts ↔ chart-worker.ts).
import type { ChartRequest } from './chart-request.js';

/** chart.js event names the worker replays (its default `events` list). */
export type ChartEventName = 'mousemove' | 'mouseout' | 'click';

export type ToWorker =
  | { type: 'attach'; id: number; canvas: OffscreenCanvas; dpr: number }
  | { type: 'draw'; id: number; seq: number; request: ChartRequest; width: number; height: number }
  | { type: 'resize'; id: number; width: number; height: number }
  | { type: 'event'; id: number; event: ChartEventName; x: number; y: number }
  | { type: 'png' | 'csv'; id: number; seq: number }
  | { type: 'release'; id: number };

export type FromWorker =
  | { type: 'drawn'; seq: number; legendItems: number }
  | { type: 'file'; seq: number; file: Blob | string | null }
  | { type: 'failed'; seq: number; message: string };
