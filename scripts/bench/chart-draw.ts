// The indicator chart (the app's own `createTrendChart`, with its observations, bands and warnings)
// over ten years of weekly periods, drawn in headless Chromium, beside the same points as a plain
// chart.js line on a time axis on a bare page. Both bundles are built here with esbuild and both
// draw without animation (as the app's does), so `new Chart(…)` returns after the first full draw.
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, type Session } from './servers.js';

const APP_ENTRY = `import { createTrendChart } from './src/lib/charts/indicator-trend.ts';
window.draw = (canvas, input) => createTrendChart(canvas, { ...input, scaleWords: 'level' });`;
const BARE_ENTRY = `import { Chart, LineController, LineElement, PointElement, LinearScale, TimeScale } from 'chart.js';
import 'chartjs-adapter-date-fns';
Chart.register(LineController, LineElement, PointElement, LinearScale, TimeScale);
window.draw = (canvas, input) => new Chart(canvas, { type: 'line',
  data: { datasets: [{ data: input.series.points.map((p) => ({ x: p.start, y: p.reading })) }] },
  options: { animation: false, scales: { x: { type: 'time' }, y: { min: 1, max: 5 } } } });`;

async function bundle(entry: string): Promise<string> {
  const out = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
    alias: { $lib: join(ROOT, 'src/lib'), $shared: join(ROOT, 'server/schemas') }
  });
  return out.outputFiles[0].text;
}

/** What the indicator page loads for its chart, from the running server. */
async function chartInput(url: string, session: Session, indicatorId: string, from: string) {
  const get = async (path: string) => {
    const res = await fetch(`${url}/api${path}`, { headers: { cookie: session.cookie } });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  const [indicator, series, observations, warnings] = await Promise.all([
    get(`/indicators/${indicatorId}`),
    get(`/indicators/${indicatorId}/series?period=week&from=${from}`),
    get(`/indicators/${indicatorId}/observations`),
    get(`/warnings?indicatorId=${indicatorId}&state=all`)
  ]);
  return {
    indicator,
    series,
    observations: (observations as { supersededBy: number | null }[]).filter((o) => o.supersededBy === null),
    warnings
  };
}

/** Median ms to construct and draw the chart, over `draws` fresh charts on a 1,000 × 400 canvas. */
async function timeDraws(browser: Browser, script: string, input: unknown, draws: number): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.setContent(
    '<!doctype html><html><body><div style="width:1000px;height:400px"><canvas id="c"></canvas></div></body></html>'
  );
  await page.addScriptTag({ content: script });
  const times = await page.evaluate(
    ({ input, draws }) => {
      const w = window as unknown as { draw: (c: HTMLCanvasElement, i: unknown) => { destroy(): void } };
      const canvas = document.getElementById('c') as HTMLCanvasElement;
      const out: number[] = [];
      for (let i = 0; i < draws + 2; i++) {
        const start = performance.now();
        const chart = w.draw(canvas, input);
        out.push(performance.now() - start);
        chart.destroy();
      }
      return out.slice(2); // the first two warm up the JIT
    },
    { input, draws }
  );
  await page.close();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function chartDraw(
  browser: Browser,
  url: string,
  session: Session,
  indicatorId: string,
  from: string,
  draws: number
) {
  const input = await chartInput(url, session, indicatorId, from);
  const [appScript, bareScript] = await Promise.all([bundle(APP_ENTRY), bundle(BARE_ENTRY)]);
  const periods = (input.series as { points: unknown[] }).points.length;
  // Interleaved, best of each: another process's burst only ever slows a draw down.
  let app = Infinity;
  let bare = Infinity;
  for (let round = 0; round < 2; round++) {
    app = Math.min(app, await timeDraws(browser, appScript, input, draws));
    bare = Math.min(bare, await timeDraws(browser, bareScript, input, draws));
  }
  return { appMs: app, bareMs: bare, periods, observations: input.observations.length };
}
