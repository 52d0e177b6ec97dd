// `npm run bench`: what a write, the scenario fit, the overview, the warnings and the digest cost at about
// 2,000 and about 20,000 observations (`--large`: 100,000 and 1,000,000), and the ratio between the two (target ≤ 1.5×), then
// the query plan of every statement those calls run, and an import; then the side-by-side
// comparisons of scripts/bench/ (the targets table, bench/results.json and bench/results.md).
// Each scale is a fresh database: the shipped catalogue and its demonstration data, then
// synthetic history inserted in one transaction of prepared statements, then one rebuild.
import { join } from 'node:path';
import { addDays } from '../server/analysis/periods.js';
import { boot } from '../server/boot.js';
import { runEvaluateWarnings } from '../server/jobs/evaluate-warnings.js';
import { rebuildAssessment } from '../server/services/assessment-upkeep.js';
import { composeDigest } from '../server/analysis/digest.js';
import { digestInput } from '../server/services/digest-input.js';
import { indicatorStatuses } from '../server/services/indicator-statuses.js';
import { scenarioPicture } from '../server/services/scenario-picture.js';
import { signIn } from '../tests/support/sign-in.js';
import { tempDir } from '../tests/support/test-catalogue.js';
import { fullScans, queriesRunBy } from './bench-plans.js';
import { partial, wanted } from './bench/only.js';
import { LARGE, sideBySide } from './bench/side-by-side.js';

const STARTED = Date.now();
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? (LARGE ? 100_000 : 10_000));
// 10× the data between the two scales; `--large` also builds a million observations.
const SCALES = (process.env.BENCH_SCALES ?? (LARGE ? '100000,1000000' : '2000,20000')).split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const NOW = new Date('2024-02-01T09:00:00Z');
const GRADES = [
  ['A', 1],
  ['B', 2],
  ['C', 3],
  ['F', 6]
] as const;

// Smaller by default so the whole run stays under three minutes on a two-core machine.
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? (LARGE ? 1000 : 400));
const REPEATS = Number(process.env.BENCH_REPEATS ?? (LARGE ? 5 : 3));

/** Mean ms per call over up to ROUNDS calls, stopping early once BUDGET_MS is spent (at least 3). */
async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  // Timing a refused request would measure the error path: every HTTP answer must be a success.
  const first = (await fn()) as { statusCode?: number; body?: string } | undefined;
  if (first?.statusCode !== undefined && first.statusCode >= 300)
    throw new Error(`answered ${first.statusCode}: ${first.body}`);
  for (let i = 0; i < 3; i++) await fn(); // warm up JIT and statement caches
  const start = process.hrtime.bigint();
  let rounds = 0;
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
  while (rounds < ROUNDS && (rounds < 3 || elapsed() < BUDGET_MS)) {
    await fn();
    rounds += 1;
  }
  return elapsed() / rounds;
}

/** Synthetic history: every indicator, 20 sources, dates spread over 2016 – Jan 2024. */
function insertSynthetic(
  db: import('../server/db/open-db.js').Db,
  indicatorIds: string[],
  target: number,
  existing: number
) {
  const source = db.prepare("INSERT INTO sources (title, url, created_at) VALUES (?, '', '2016-01-01')");
  const insert =
    db.prepare(`INSERT INTO observations (indicator_id, observed_at, level, rationale, source_id, reliability, credibility, recorded_at)
    VALUES (?, ?, ?, 'synthetic benchmark reading', ?, ?, ?, '2024-01-31T00:00:00Z')`);
  db.transaction(() => {
    const sources = Array.from({ length: 20 }, (_, i) => Number(source.run(`bench source ${i}`).lastInsertRowid));
    for (let n = 0; n < target - existing; n++) {
      const [reliability, credibility] = GRADES[n % GRADES.length];
      insert.run(
        indicatorIds[n % indicatorIds.length],
        addDays('2016-01-01', (n * 7919) % 2945),
        1 + ((n * 31) % 5),
        sources[n % 20],
        reliability,
        credibility
      );
    }
  })();
}

/** A database at one scale, with the app over it and the calls to time. */
async function prepare(total: number) {
  const tmp = tempDir('watchfloor-bench-');
  const { app, db } = await boot(
    { dbFile: join(tmp.dir, 'bench.db'), demo: true, catalogueDir: 'indicators/isk', staticDir: join(tmp.dir, 'none') },
    { clock: () => NOW, logger: false }
  );
  const ids = app.store.catalogue.listIndicators().map((i) => i.id);
  let started = process.hrtime.bigint();
  insertSynthetic(db, ids, total, app.store.observations.total());
  const insertMs = Number(process.hrtime.bigint() - started) / 1e6;
  started = process.hrtime.bigint();
  rebuildAssessment(app.store);
  const rebuildMs = Number(process.hrtime.bigint() - started) / 1e6;
  runEvaluateWarnings({ store: app.store, clock: () => NOW });
  const officer = await signIn(app, 'watch_officer', 'bench-officer');
  const target = ids[0];
  let k = 0;
  const calls: Record<string, () => Promise<unknown> | unknown> = {
    'write (POST /api/observations, dated this week)': () =>
      officer.inject({
        method: 'POST',
        url: '/api/observations',
        payload: {
          indicatorId: target,
          observedAt: addDays('2024-01-28', k++ % 4),
          level: 1 + (k % 5),
          rationale: 'benchmark reading',
          source: { title: `bench writer ${k % 3}` },
          reliability: 'C',
          credibility: 3
        }
      }),
    'fit (GET /api/scenarios/fit, monthly, all dates)': () =>
      officer.inject({ method: 'GET', url: '/api/scenarios/fit' }),
    'fit (GET /api/scenarios/fit?period=week, 2 years)': () =>
      officer.inject({ method: 'GET', url: '/api/scenarios/fit?period=week&from=2022-02-01' }),
    'overview (GET /api/overview)': () => officer.inject({ method: 'GET', url: '/api/overview' }),
    "overview's indicator table alone": () => indicatorStatuses(app.store, '2024-02-01'),
    "overview's scenario picture alone": () => scenarioPicture(app.store, '2024-02-01'),
    'one series (GET /api/indicators/:id/series)': () =>
      officer.inject({ method: 'GET', url: `/api/indicators/${target}/series` }),
    'one series, two years (?from=2022-02-01)': () =>
      officer.inject({ method: 'GET', url: `/api/indicators/${target}/series?from=2022-02-01` }),
    'warnings after a write (one indicator + shifts)': () =>
      runEvaluateWarnings({
        store: app.store,
        clock: () => NOW,
        scope: { indicatorIds: [target], shiftFrom: '2024-01-28' }
      }),
    'warnings (GET /api/warnings?state=open)': () => officer.inject({ method: 'GET', url: '/api/warnings?state=open' }),
    // A weekly digest after the synthetic history (recorded before it starts): its cost must not grow with the history.
    'digest, a week (compose, as the preview does)': () =>
      composeDigest(
        digestInput(app.store, {
          coversFrom: '2024-01-31T00:00:00Z',
          coversTo: NOW.toISOString(),
          appUrl: 'https://bench.example.org'
        })
      )
  };
  for (const label of Object.keys(calls)) if (!wanted(`10× the data: ${label}`)) delete calls[label];
  const observations = app.store.observations.total();
  const close = async () => {
    await app.close();
    db.close();
    tmp.remove();
  };
  return { db, observations, insertMs, rebuildMs, calls, close };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Every statement the timed calls run, with any plan line that scans a table growing with the evidence. */
async function checkPlans(scale: Awaited<ReturnType<typeof prepare>>) {
  const sqls = await queriesRunBy(scale.db, async () => {
    for (const call of Object.values(scale.calls)) await call();
  });
  console.log(`\nquery plans (${sqls.length} statements run by the calls above; SCAN lines read a growing table):`);
  for (const sql of sqls) {
    const scans = fullScans(scale.db, sql);
    if (scans.length) console.log(`  SCAN  ${sql.replace(/\s+/g, ' ').slice(0, 110)}\n        ${scans.join('; ')}`);
  }
  console.log('  every other statement: index searches only');
}

async function main() {
  const scales = [];
  // BENCH_ONLY naming no call of the scale table skips it (and the import and plans with it).
  const scaleTable = !partial || wanted('10× the data: ');
  for (const total of scaleTable ? SCALES : []) {
    const s = await prepare(total);
    console.log(
      `${s.observations} observations: synthetic insert ${s.insertMs.toFixed(0)} ms, assessment rebuild ${s.rebuildMs.toFixed(0)} ms`
    );
    scales.push(s);
  }
  // Rounds alternate between the scales, so a burst of load on a shared machine hits both alike.
  const samples = scales.map(() => new Map<string, number[]>());
  for (let round = 0; round < REPEATS; round++) {
    for (const [n, s] of scales.entries()) {
      for (const [label, call] of Object.entries(s.calls))
        samples[n].set(label, [...(samples[n].get(label) ?? []), await time(call)]);
    }
  }
  const medians = samples.map((m) => new Map([...m].map(([label, xs]) => [label, median(xs)])));
  if (scales.length && Object.keys(scales[0].calls).length) await printScales(scales, medians);
  for (const s of scales) await s.close();
  if (IMPORT_ROWS > 0 && !partial) await measureImport();
  await sideBySide({ observations: scales.map((s) => s.observations), medians }, STARTED);
}

async function printScales(scales: Awaited<ReturnType<typeof prepare>>[], medians: Map<string, number>[]) {
  const head = scales.map((s) => `${s.observations} obs.`.padStart(14)).join('');
  console.log(
    `\nms per call, median of ${REPEATS} interleaved rounds${scales.length > 1 ? ', and the ratio (target ≤ 1.5×)' : ''}:`
  );
  console.log(`  ${''.padEnd(52)}${head}${scales.length > 1 ? '    ratio' : ''}`);
  for (const label of Object.keys(scales[0].calls)) {
    const cells = medians.map((m) => m.get(label)!.toFixed(2).padStart(14)).join('');
    const ratio =
      scales.length > 1 ? `${(medians.at(-1)!.get(label)! / medians[0].get(label)!).toFixed(2)}×`.padStart(9) : '';
    console.log(`  ${label.padEnd(52)}${cells}${ratio}`);
  }
  await checkPlans(scales.at(-1)!);
}

async function measureImport() {
  const tmp = tempDir('watchfloor-bench-');
  const { app, db } = await boot(
    { dbFile: join(tmp.dir, 'bench.db'), demo: true, catalogueDir: 'indicators/isk', staticDir: join(tmp.dir, 'none') },
    { clock: () => NOW, logger: false }
  );
  await benchImport(
    await signIn(app, 'watch_officer', 'bench-officer'),
    app.store.catalogue.listIndicators().map((i) => i.id)
  );
  await app.close();
  db.close();
  tmp.remove();
}

/** One file of IMPORT_ROWS readings through POST /api/import/observations: a dry run, then the write. */
async function benchImport(officer: Awaited<ReturnType<typeof signIn>>, indicatorIds: string[]) {
  const header = 'indicatorId,observedAt,level,quantity,rationale,source,reliability,credibility';
  const rows = Array.from(
    { length: IMPORT_ROWS },
    (_, i) =>
      `${indicatorIds[i % indicatorIds.length]},${addDays('2014-06-01', Math.floor(i / indicatorIds.length) % 3400)},${1 + (i % 5)},${i % 97},` +
      `"bench import row ${i}, with a comma",import source ${i % 40},${'ABCDEF'[i % 6]},${1 + (i % 6)}`
  );
  const body = [header, ...rows].join('\n');
  console.log(
    `\nImporting ${IMPORT_ROWS.toLocaleString('en')} rows (${(body.length / 1024 / 1024).toFixed(1)} MB of CSV) in one request:`
  );
  for (const dryRun of [true, false]) {
    const start = process.hrtime.bigint();
    const res = await officer.inject({
      method: 'POST',
      url: `/api/import/observations${dryRun ? '?dryRun=true' : ''}`,
      headers: { 'content-type': 'text/csv' },
      payload: body
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (res.statusCode >= 300) throw new Error(`import answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    const report = res.json() as { accepted: number; duplicates: number; imported: number };
    const label = dryRun ? 'dry run (parse, check, find duplicates)' : 'import (the same, then write + warnings)';
    console.log(
      `  ${label.padEnd(48)} ${seconds.toFixed(2)} s (${Math.round(IMPORT_ROWS / seconds).toLocaleString('en')} rows/s; ${report.accepted} accepted, ${report.duplicates} duplicates, ${report.imported} written)`
    );
  }
}

void main();
