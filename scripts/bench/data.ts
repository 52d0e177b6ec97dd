// The benchmark database: the shipped catalogue, several watch officers and sources, and ten
// years of observations ending yesterday (the servers under test run on the real clock, so a
// write dated today is "this week", as an officer's would be).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../server/analysis/periods.js';
import { boot } from '../../server/boot.js';
import { runEvaluateWarnings } from '../../server/jobs/evaluate-warnings.js';
import { rebuildAssessment } from '../../server/services/assessment-upkeep.js';

export const CATALOGUE = 'indicators/isk';
export const BENCH_PASSWORD = 'bench-password-long-enough-1';
export const OFFICERS = ['bench-officer-1', 'bench-officer-2', 'bench-officer-3', 'bench-officer-4'];
const SOURCES = 30;
const GRADES = [
  ['A', 1],
  ['B', 2],
  ['C', 3],
  ['B', 3],
  ['D', 4],
  ['F', 6]
] as const;

export const today = () => new Date().toISOString().slice(0, 10);
/** Ten years back from yesterday: the range the fit and series comparisons ask for. */
export const tenYearsAgo = () => addDays(today(), -3652);

export interface BenchDb {
  dir: string;
  file: string;
  indicatorIds: string[];
  observations: number;
  buildMs: number;
  remove: () => void;
}

/** A fresh database of `total` observations in `dir` (created when not given). */
export async function buildBenchDb(total: number, log: (s: string) => void): Promise<BenchDb> {
  const dir = mkdtempSync(join(tmpdir(), 'watchfloor-bench-'));
  const file = join(dir, 'bench.db');
  const started = Date.now();
  const { app, db } = await boot(
    { dbFile: file, demo: false, catalogueDir: CATALOGUE, staticDir: join(dir, 'none') },
    { logger: false }
  );
  const now = new Date();
  const officerIds: number[] = [];
  for (const username of OFFICERS) {
    const user = await app.accounts.create(
      {
        username,
        displayName: username,
        role: 'watch_officer',
        password: BENCH_PASSWORD,
        email: `${username}@example.org`
      },
      { now, actor: 'bench' }
    );
    officerIds.push(user.id);
  }
  await app.accounts.create(
    { username: 'bench-manager', displayName: 'bench-manager', role: 'manager', password: BENCH_PASSWORD },
    { now, actor: 'bench' }
  );
  const indicatorIds = app.store.catalogue
    .listIndicators()
    .filter((i) => !i.retired)
    .map((i) => i.id);
  const source = db.prepare("INSERT INTO sources (title, url, kind, created_at) VALUES (?, '', 'other', ?)");
  const insert =
    db.prepare(`INSERT INTO observations (indicator_id, observed_at, level, quantity, rationale, source_id, reliability,
      credibility, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const first = tenYearsAgo();
  const days = 3651;
  const CHUNK = 50_000;
  const sources = db.transaction(() =>
    Array.from({ length: SOURCES }, (_, i) =>
      Number(source.run(`Bench source ${i + 1}`, now.toISOString()).lastInsertRowid)
    )
  )();
  for (let done = 0; done < total; done += CHUNK) {
    db.transaction(() => {
      for (let n = done; n < Math.min(total, done + CHUNK); n++) {
        const [reliability, credibility] = GRADES[n % GRADES.length];
        // Each indicator drifts slowly through its levels, so series and fit have something to show.
        const day = (n * 7919) % days;
        const level = 1 + ((Math.floor(day / 200) + (n % 3) + (n % indicatorIds.length)) % 5);
        const observedAt = addDays(first, day);
        insert.run(
          indicatorIds[n % indicatorIds.length],
          observedAt,
          level,
          n % 4 === 0 ? n % 97 : null,
          `benchmark reading ${n}`,
          sources[n % SOURCES],
          reliability,
          credibility,
          `${observedAt}T12:00:00.000Z`,
          officerIds[n % officerIds.length]
        );
      }
    })();
    if (total > CHUNK) log(`  ${Math.min(total, done + CHUNK).toLocaleString('en')} observations inserted`);
  }
  rebuildAssessment(app.store);
  runEvaluateWarnings({ store: app.store, clock: () => now });
  const observations = app.store.observations.total();
  await app.close();
  db.close();
  return {
    dir,
    file,
    indicatorIds,
    observations,
    buildMs: Date.now() - started,
    remove: () => rmSync(dir, { recursive: true, force: true })
  };
}
