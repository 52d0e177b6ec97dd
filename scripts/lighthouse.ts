// Lighthouse scores (accessibility, best practices, performance) for every page, desktop and phone,
// against the real server with demonstration data. Not part of `npm test`: scores move with machine
// load, and no test may depend on timing. Usage: npx vite build && npm run lighthouse [-- <pathFilter>]
// RUNS=3 measures each page three times and reports the median; LH_DETAIL=1 adds the metrics and
// the costliest opportunities and the long tasks (start+duration, script), which say what to fix;
// FORMS=phone skips the desktop form.
import { setPriority } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import type { Flags, Result } from 'lighthouse';
import { SESSION_COOKIE } from '../server/auth/auth-plugin.js';
import { startTestServer } from '../tests/support/test-server.js';
import { demoAdminSession } from './support/demo-admin.js';
import { READER_PAGES } from '../tests/support/pages.js';

const PAGES = ['/login', ...READER_PAGES];
const CATEGORIES = ['accessibility', 'best-practices', 'performance'] as const;
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index'
];
const filter = process.argv[2] ?? '';
const runs = Math.max(1, Number(process.env.RUNS ?? 1));
const detail = process.env.LH_DETAIL === '1';
// FORMS=phone measures only the phone form (the slower one, and the one still short of its target).
const forms = (['desktop', 'phone'] as const).filter((f) => (process.env.FORMS ?? 'desktop,phone').includes(f));

const server = await startTestServer({ demo: true });
const cookie = `${SESSION_COOKIE}=${await demoAdminSession(server.app)}`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking'
  ]
});

// This process serves the app and runs Lighthouse; on a small machine both compete with the browser
// for the processor, which the phone form's 4x slowdown then magnifies. Chromium keeps its priority;
// this process yields to it, so the scores measure the page rather than the server sharing its cores.
setPriority(10);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function describe(lhr: Result) {
  const metrics = METRICS.map(
    (id) =>
      `${id
        .split('-')
        .map((w) => w[0])
        .join('')}=${lhr.audits[id]?.displayValue ?? '?'}`
  );
  const opportunities = Object.values(lhr.audits)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 0.9 &&
        (a.details?.type === 'opportunity' || a.scoreDisplayMode === 'metricSavings')
    )
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  const longTasks = (
    (lhr.audits['long-tasks']?.details as { items?: { url?: string; startTime: number; duration: number }[] })?.items ??
    []
  )
    .slice(0, 8)
    .map((t) => `${Math.round(t.startTime)}+${Math.round(t.duration)} ${(t.url ?? '').split('/').pop()}`);
  const requests = (
    (
      lhr.audits['network-requests']?.details as {
        items?: { url: string; transferSize?: number; networkEndTime?: number }[];
      }
    )?.items ?? []
  )
    .sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0))
    .slice(0, 8)
    .map(
      (r) => `${r.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 40)} ${Math.round((r.transferSize ?? 0) / 1024)} KB`
    );
  type LcpDetails = { items?: { items?: { node?: { snippet?: string } }[] }[] };
  const lcp = (lhr.audits['largest-contentful-paint-element']?.details as LcpDetails | undefined)?.items?.[0]
    ?.items?.[0]?.node?.snippet;
  return `    largest paint: ${lcp?.slice(0, 100) ?? '?'}\n    heaviest requests: ${requests.join(', ')}\n    ${metrics.join(' ')}\n    to fix: ${opportunities.join(', ') || 'nothing flagged'}\n    long tasks (ms): ${longTasks.join(', ')}`;
}

/** Where a failing audit found its problem: the first few elements' selectors. */
function failingNodes(audit: Result['audits'][string]) {
  const items =
    (audit.details as { items?: { node?: { selector?: string; snippet?: string } }[] } | undefined)?.items ?? [];
  return items
    .slice(0, 3)
    .map((i) => i.node?.snippet ?? i.node?.selector ?? '?')
    .join(' | ');
}

/**
 * One Lighthouse run. A run the browser spoiled (a trace without a navigation start, say: a
 * runtime error and no scores) is taken again, twice at most, rather than counted as a zero.
 */
async function measure(url: string, flags: Flags, form: 'desktop' | 'phone'): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, flags, form === 'desktop' ? desktopConfig : undefined);
    const lhr = result!.lhr;
    if (!lhr.runtimeError || attempt === 3) return lhr;
    console.error(`${url} ${form}: ${lhr.runtimeError.code}, measuring again`);
  }
}

const rows: string[][] = [];
try {
  for (const path of PAGES.filter((p) => p.includes(filter))) {
    for (const form of forms) {
      const scores: number[][] = [];
      for (let run = 0; run < runs; run++) {
        const flags = {
          port: chrome.port,
          output: 'json' as const,
          logLevel: 'error' as const,
          onlyCategories: [...CATEGORIES],
          // Signed in as the demo administrator; the sign-in page is measured signed out.
          extraHeaders: (path === '/login' ? {} : { Cookie: cookie }) as Record<string, string>
        };
        const lhr = await measure(`${server.url}${path}`, flags, form);
        const cats = lhr.categories;
        scores.push(CATEGORIES.map((c) => Math.round((cats[c]?.score ?? 0) * 100)));
        const failing = Object.values(lhr.audits).filter(
          (a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary'
        );
        const error = lhr.runtimeError ? `  (error: ${lhr.runtimeError.code})` : '';
        console.error(
          `${path} ${form}: ${scores.at(-1)!.join(' ')}${error}${failing.length ? `  (failing: ${failing.map((a) => a.id).join(', ')})` : ''}`
        );
        if (detail) console.error(describe(lhr));
        if (detail) for (const a of failing) console.error(`    ${a.id}: ${failingNodes(a)}`);
      }
      rows.push([path, form, ...CATEGORIES.map((_, i) => String(median(scores.map((s) => s[i]))))]);
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}

console.log(`| page | form | accessibility | best practices | performance |\n| --- | --- | --: | --: | --: |`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
