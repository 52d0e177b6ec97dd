// `npm run bench`: what the API layer costs over the raw work, measured side by side in one run
// on a database with the shipped catalogue, its demonstration data and synthetic history.
import { join } from 'node:path';
import { boot } from '../server/boot.js';
import { addDays } from '../server/analysis/periods.js';
import { indicatorSeries } from '../server/analysis/series.js';
import { signIn } from '../tests/support/sign-in.js';
import { tempDir } from '../tests/support/test-catalogue.js';

const SYNTHETIC_PER_INDICATOR = Number(process.env.BENCH_OBSERVATIONS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

async function time(label: string, fn: () => unknown | Promise<unknown>): Promise<number> {
  // Timing a refused request would measure the error path: every HTTP answer must be a success.
  const first = (await fn()) as { statusCode?: number } | undefined;
  if (first?.statusCode !== undefined && first.statusCode >= 300) throw new Error(`${label} answered ${first.statusCode}`);
  for (let i = 0; i < 20; i++) await fn(); // warm up JIT and statement caches
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await fn();
  const perCall = Number(process.hrtime.bigint() - start) / ROUNDS / 1e6;
  console.log(`  ${label.padEnd(48)} ${perCall.toFixed(3)} ms/call`);
  return perCall;
}

async function main() {
  const tmp = tempDir('watchfloor-bench-');
  const now = new Date('2024-02-01T00:00:00Z');
  const { app, db } = await boot(
    { dbFile: join(tmp.dir, 'bench.db'), demo: true, catalogueDir: 'indicators/isk', staticDir: join(tmp.dir, 'none') },
    { clock: () => now }
  );
  const indicators = app.store.catalogue.listIndicators();
  const synthetic = indicators.flatMap((ind, k) =>
    Array.from({ length: SYNTHETIC_PER_INDICATOR }, (_, i) => ({
      indicatorId: ind.id, observedAt: addDays('2016-01-01', (i * 7 + k) % 2900), level: 1 + ((i + k) % 5),
      rationale: 'synthetic benchmark reading', source: { title: `bench source ${i % 20}` },
      reliability: 'C' as const, credibility: 3
    }))
  );
  app.store.observations.recordAll(synthetic, { now, actor: 'bench' });
  const total = app.store.observations.total();
  // The API needs a session: measure it as a watch officer would meet it (cookie, CSRF check).
  const officer = await signIn(app, 'watch_officer', 'bench-officer');
  const target = indicators[0];
  console.log(`${indicators.length} indicators, ${total} observations, ${ROUNDS} rounds each\n`);

  const raw = db.prepare('SELECT observed_at, level, reliability, credibility FROM observations WHERE indicator_id = ?');
  console.log(`Series of "${target.id}" (monthly, ${SYNTHETIC_PER_INDICATOR}+ observations):`);
  const query = await time('raw SQL: the indicator\'s observations', () => raw.all(target.id));
  const domain = await time('store read + series computation', () =>
    indicatorSeries({ readings: app.store.observations.activeReadings(target.id), period: 'month', from: '2016-01-01', to: '2024-02-01', cadenceDays: target.cadenceDays })
  );
  const endpoint = await time('GET /api/indicators/:id/series (inject)', () =>
    officer.inject({ method: 'GET', url: `/api/indicators/${target.id}/series?period=month&from=2016-01-01` })
  );
  console.log(`  ratios: endpoint/raw ${(endpoint / query).toFixed(1)}×, endpoint/domain ${(endpoint / domain).toFixed(1)}×\n`);

  console.log('Overview (every indicator, latest reading and sparkline):');
  const rawAll = await time('raw SQL: every indicator\'s observations', () => indicators.forEach((i) => raw.all(i.id)));
  const overview = await time('GET /api/overview (inject)', () => officer.inject({ method: 'GET', url: '/api/overview' }));
  console.log(`  ratio: endpoint/raw ${(overview / rawAll).toFixed(1)}×\n`);

  console.log('Recording one observation:');
  const insert = db.prepare(`INSERT INTO observations (indicator_id, observed_at, level, rationale, source_id, reliability, credibility, recorded_at)
    VALUES (?, '2024-01-01', 3, 'raw', 1, 'B', 2, '2024-01-01')`);
  const rawInsert = await time('raw SQL INSERT (no checks, no audit)', () => insert.run(target.id));
  const post = await time('POST /api/observations (inject)', () =>
    officer.inject({ method: 'POST', url: '/api/observations', payload: {
      indicatorId: target.id, observedAt: '2024-01-01', level: 3, rationale: 'benchmark reading',
      source: { title: 'bench source' }, reliability: 'C', credibility: 3
    } })
  );
  console.log(`  ratio: endpoint/raw ${(post / rawInsert).toFixed(1)}× (the endpoint also re-evaluates every warning)`);

  console.log('\nScenario fit (monthly, all evidence) and the weekly digest:');
  const fit = await time('GET /api/scenarios/fit (inject)', () => officer.inject({ method: 'GET', url: '/api/scenarios/fit' }));
  const preview = await time('GET /api/digests/preview (inject)', () => officer.inject({ method: 'GET', url: '/api/digests/preview' }));
  console.log(`  ratios: fit/overview ${(fit / overview).toFixed(1)}×, digest preview/fit ${(preview / fit).toFixed(1)}×`);

  await benchImport(officer, indicators.map((i) => i.id));

  await app.close();
  db.close();
  tmp.remove();
}

/** One file of IMPORT_ROWS readings through POST /api/import/observations: a dry run, then the write. */
async function benchImport(officer: Awaited<ReturnType<typeof signIn>>, indicatorIds: string[]) {
  const header = 'indicatorId,observedAt,level,quantity,rationale,source,reliability,credibility';
  const rows = Array.from({ length: IMPORT_ROWS }, (_, i) =>
    `${indicatorIds[i % indicatorIds.length]},${addDays('2012-01-01', Math.floor(i / indicatorIds.length) % 4000)},${1 + (i % 5)},${i % 97},` +
    `"bench import row ${i}, with a comma",import source ${i % 40},${'ABCDEF'[i % 6]},${1 + (i % 6)}`
  );
  const body = [header, ...rows].join('\n');
  console.log(`\nImporting ${IMPORT_ROWS.toLocaleString('en')} rows (${(body.length / 1024 / 1024).toFixed(1)} MB of CSV) in one request:`);
  for (const dryRun of [true, false]) {
    const start = process.hrtime.bigint();
    const res = await officer.inject({ method: 'POST', url: `/api/import/observations${dryRun ? '?dryRun=true' : ''}`, headers: { 'content-type': 'text/csv' }, payload: body });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (res.statusCode >= 300) throw new Error(`import answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    const report = res.json() as { accepted: number; duplicates: number; imported: number };
    const label = dryRun ? 'dry run (parse, check, find duplicates)' : 'import (the same, then write + warnings)';
    console.log(`  ${label.padEnd(48)} ${seconds.toFixed(2)} s (${Math.round(IMPORT_ROWS / seconds).toLocaleString('en')} rows/s; ${report.accepted} accepted, ${report.duplicates} duplicates, ${report.imported} written)`);
  }
}

void main();
