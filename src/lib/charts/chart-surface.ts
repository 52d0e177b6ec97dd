// Where a chart card's canvas gets drawn. Where the browser can hand a canvas to a worker
// (OffscreenCanvas, every current browser) charts draw in the chart worker and the page's thread
// stays free; elsewhere they draw in the page as before. Either way the card sees one interface.
import type { Chart } from 'chart.js';
import type { ChartRequest } from './chart-request.js';
import type { ChartEventName, FromWorker, ToWorker } from './chart-messages.js';
import { DARK_WORKER } from './palette.js';
import { nextTask } from '$lib/when-shown.js';

/** A drawn chart, as the card and its download buttons use it. */
export interface DrawnChart {
  legendItems: number;
  png(): Promise<Blob>;
  csv(): Promise<string>;
}

export interface ChartSurface {
  /** Draws `request`, replacing whatever the canvas showed. */
  draw(request: ChartRequest): Promise<DrawnChart>;
  /** The canvas is going away: frees the chart. */
  release(): void;
}

export function chartSurface(canvas: HTMLCanvasElement): ChartSurface {
  return 'transferControlToOffscreen' in canvas && typeof Worker !== 'undefined'
    ? workerSurface(canvas)
    : pageSurface(canvas);
}

// One worker for every chart of the page, started with the first chart.
let worker: Worker | null = null;
let nextId = 1;
let nextSeq = 1;
const pending = new Map<number, { resolve: (m: FromWorker) => void; reject: (e: Error) => void }>();

function chartWorker(): Worker {
  if (worker) return worker;
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  worker = new Worker(new URL('./chart-worker.ts', import.meta.url), {
    type: 'module',
    name: dark ? DARK_WORKER : 'charts'
  });
  worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
    const waiting = pending.get(data.seq);
    pending.delete(data.seq);
    if (data.type === 'failed') waiting?.reject(new Error(data.message));
    else waiting?.resolve(data);
  };
  // A worker that cannot start (its script refused or broken) fails every chart waiting on it, rather
  // than leaving them waiting for good.
  worker.onerror = () => {
    for (const waiting of pending.values()) waiting.reject(new Error('The chart worker could not start.'));
    pending.clear();
  };
  return worker;
}

/** The messages that expect an answer, before their sequence number is added. */
type Question = ToWorker extends infer M ? (M extends { seq: number } ? Omit<M, 'seq'> : never) : never;

function ask(message: Question): Promise<FromWorker> {
  const seq = nextSeq++;
  return new Promise((resolve, reject) => {
    pending.set(seq, { resolve, reject });
    chartWorker().postMessage({ ...message, seq });
  });
}

const fileOf = (answer: FromWorker) => (answer.type === 'file' ? answer.file : null);

function workerSurface(canvas: HTMLCanvasElement): ChartSurface {
  const id = nextId++;
  const box = canvas.parentElement!;
  const size = () => ({ width: box.clientWidth, height: box.clientHeight });
  const offscreen = canvas.transferControlToOffscreen();
  const send = (message: ToWorker, transfer: Transferable[] = []) => chartWorker().postMessage(message, transfer);
  send({ type: 'attach', id, canvas: offscreen, dpr: devicePixelRatio || 1 }, [offscreen]);

  // Pointer events replayed in the worker, where chart.js shows tooltips and toggles legend items.
  const forward = (event: ChartEventName) => (e: PointerEvent | MouseEvent) =>
    send({ type: 'event', id, event, x: e.offsetX, y: e.offsetY });
  const listeners: [string, (e: PointerEvent | MouseEvent) => void][] = [
    ['pointermove', forward('mousemove')],
    ['pointerleave', forward('mouseout')],
    ['click', forward('click')]
  ];
  for (const [name, listener] of listeners) canvas.addEventListener(name, listener as EventListener);
  // The box's width follows the page; its height is fixed by the card (one per form).
  let drawnSize = size();
  const resized = new ResizeObserver(() => {
    const now = size();
    if (now.width === drawnSize.width && now.height === drawnSize.height) return;
    drawnSize = now;
    send({ type: 'resize', id, ...now });
  });
  resized.observe(box);

  const drawn = (legendItems: number): DrawnChart => ({
    legendItems,
    png: async () => fileOf(await ask({ type: 'png', id })) as Blob,
    csv: async () => fileOf(await ask({ type: 'csv', id })) as string
  });
  return {
    async draw(request) {
      drawnSize = size();
      const answer = await ask({ type: 'draw', id, request, ...drawnSize });
      return drawn(answer.type === 'drawn' ? answer.legendItems : 0);
    },
    release() {
      resized.disconnect();
      for (const [name, listener] of listeners) canvas.removeEventListener(name, listener as EventListener);
      send({ type: 'release', id });
    }
  };
}

function pageSurface(canvas: HTMLCanvasElement): ChartSurface {
  let chart: Chart | null = null;
  return {
    async draw(request) {
      const [{ buildChart }, { chartCsv, chartPng }] = await Promise.all([
        import('./chart-request.js'),
        import('./chart-export.js')
      ]);
      await nextTask(); // chart.js may just have been evaluated: draw in a task of its own
      chart?.destroy();
      const made = (chart = buildChart(canvas, request, canvas.parentElement!.clientWidth));
      return {
        legendItems: made.legend?.legendItems?.length ?? 0,
        png: () => chartPng(made),
        csv: async () => chartCsv(made)
      };
    },
    release() {
      chart?.destroy();
      chart = null;
    }
  };
}
