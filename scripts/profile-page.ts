// Where a page's main-thread time goes on a slow phone: loads a page in Chromium with 4x CPU
// slowdown (as Lighthouse's phone run) while tracing and sampling, then prints each long task with
// the kinds of work inside it and the functions that took the most of it.
// Usage: npx vite build && npx tsx scripts/profile-page.ts <path>
import { chromium } from 'playwright-core';
import { SESSION_COOKIE } from '../server/auth/auth-plugin.js';
import { startTestServer } from '../tests/support/test-server.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/e2e/support/browser.js';
import { demoAdminSession } from './support/demo-admin.js';

/** The parts of a CDP CPU profile read here. */
type Profile = {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; columnNumber: number } }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
};
type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number };
const KINDS = [
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'v8.compileModule',
  'v8.evaluateModule',
  'MinorGC',
  'MajorGC',
  'HTMLDocumentParser::MaybeFetchQueuedPreloads'
];

const path = process.argv[2] ?? '/';
const server = await startTestServer({ demo: true });
const token = await demoAdminSession(server.app);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(3000);
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  report(trace.traceEvents, profile);
} finally {
  await browser.close();
  await server.close();
}

function report(events: TraceEvent[], profile: Profile) {
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const tasks = complete.filter((e) => e.name === 'RunTask' && e.dur! > 50_000);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  const samples: { at: number; id: number; ms: number }[] = [];
  let clock = profile.startTime;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    clock += deltas[i] ?? 0;
    samples.push({ at: clock, id, ms: (deltas[i + 1] ?? 0) / 1000 });
  });
  const t0 = tasks[0]?.ts ?? 0;
  let blocking = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    blocking += task.dur! / 1000 - 50;
    const kinds = new Map<string, number>();
    for (const e of complete)
      if (e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + e.dur! <= end && KINDS.includes(e.name))
        kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur! / 1000);
    const fns = new Map<string, number>();
    const inclusive = new Map<string, number>();
    for (const s of samples) {
      if (s.at < task.ts || s.at > end) continue;
      const f = nodes.get(s.id)!.callFrame;
      if (f.functionName === '(idle)') continue;
      const key = `${f.functionName || '(anon)'}@${f.url.split('/').pop() || 'native'}:${f.columnNumber}`;
      fns.set(key, (fns.get(key) ?? 0) + s.ms);
      const seen = new Set<string>();
      for (let n: number | undefined = s.id; n !== undefined; n = parents.get(n)) {
        const g = nodes.get(n)!.callFrame;
        const k = `${g.functionName || '(anon)'}@${g.url.split('/').pop() || 'native'}:${g.columnNumber}`;
        if (seen.has(k)) continue;
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + s.ms);
      }
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ');
    console.log(
      `@${((task.ts - t0) / 1000).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms\n  work: ${top(kinds, 6)}\n  js:   ${top(fns, 6)}` +
        (process.env.INCLUSIVE ? `\n  incl: ${top(inclusive, Number(process.env.INCLUSIVE))}` : '')
    );
    if (process.env.DUMP && top(fns, 3).includes(process.env.DUMP))
      for (const e of complete)
        if (
          e.pid === task.pid &&
          e.tid === task.tid &&
          e.ts >= task.ts &&
          e.ts <= end &&
          e.dur! > Number(process.env.DUMP_MIN ?? 3000)
        )
          console.log(
            `    ${((e.ts - t0) / 1000).toFixed(1)} +${(e.dur! / 1000).toFixed(1)} ${e.name} ${JSON.stringify((e as { args?: unknown }).args ?? {}).slice(0, 160)}`
          );
  }
  void 0;
  console.log(`sum of (task - 50 ms): ${blocking.toFixed(0)} ms`);
}
