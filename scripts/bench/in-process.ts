// The raw baselines that run inside the bench process: hand-written prepared statements on the
// same database file, opened the same way (WAL, synchronous = FULL), beside the store's own calls.
import { copyFileSync } from 'node:fs';
import { addDays } from '../../server/analysis/periods.js';
import { observationWeight } from '../../server/analysis/grading.js';
import { indicatorSeries } from '../../server/analysis/series.js';
import { openDb, type Db } from '../../server/db/open-db.js';
import { createStore } from '../../server/db/store.js';
import type { ObservationInput, Reliability } from '../../server/schemas/index.js';
import { checkRow } from '../../server/services/import-rows.js';
import { importObservations } from '../../server/services/import-observations.js';
import { recordObservations } from '../../server/services/record-observations.js';
import { today } from './data.js';
import { loop, sideBySide, type Figures } from './http-load.js';

/** The series query as the repository writes it (active, non-demonstration readings in date order). */
const SERIES_SQL = `SELECT o.observed_at AS observedAt, o.level, o.quantity, o.reliability, o.credibility
  FROM observations o WHERE o.indicator_id = ? AND o.demo = 0
    AND NOT EXISTS (SELECT 1 FROM observations c WHERE c.supersedes = o.id AND c.demo = 0)
  ORDER BY o.observed_at, o.id`;

type Row = {
  observedAt: string;
  level: number;
  quantity: number | null;
  reliability: Reliability;
  credibility: number;
};

/** One indicator's weekly series from `from` to today: the raw statement, the same computation, JSON. */
export function rawSeries(db: Db, indicatorId: string, from: string, cadenceDays: number) {
  const statement = db.prepare(SERIES_SQL);
  const queryOnly = () => statement.all(indicatorId);
  const whole = () => {
    const readings = (statement.all(indicatorId) as Row[]).map((r) => ({
      observedAt: r.observedAt,
      level: r.level,
      quantity: r.quantity,
      weight: observationWeight(r.reliability, r.credibility)
    }));
    return JSON.stringify({
      indicatorId,
      period: 'week',
      from,
      to: today(),
      points: indicatorSeries({ readings, period: 'week', from, to: today(), cadenceDays })
    });
  };
  return { queryOnly, whole };
}

export const writeInput = (indicatorId: string, n: number): ObservationInput => ({
  indicatorId,
  observedAt: today(),
  level: 1 + (n % 5),
  rationale: `bench write ${n}`,
  sourceId: 1,
  reliability: 'C',
  credibility: 3
});

/** The store's write (checks, insert, audit row, assessment update, warnings) and a raw transaction of the insert and audit row. */
export async function storeWriteVsRaw(
  file: string,
  indicatorId: string,
  officerId: number,
  seconds: number,
  rounds: number
): Promise<[Figures, Figures]> {
  const db = openDb(file);
  const store = createStore(db, { includeDemo: false });
  let n = 0;
  const insert =
    db.prepare(`INSERT INTO observations (indicator_id, observed_at, level, quantity, rationale, source_id, reliability,
    credibility, supersedes, recorded_at, demo, recorded_by) VALUES (?, ?, ?, NULL, ?, 1, 'C', 3, NULL, ?, 0, ?)`);
  const audit = db.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
    VALUES (?, 'user:bench-officer-1', 'observation.record', 'observation', ?, NULL, ?)`);
  const raw = db.transaction((input: ObservationInput) => {
    const at = new Date().toISOString();
    const id = insert.run(
      input.indicatorId,
      input.observedAt,
      input.level,
      input.rationale,
      at,
      officerId
    ).lastInsertRowid;
    audit.run(at, String(id), JSON.stringify({ id: Number(id), ...input, recordedAt: at }));
  });
  try {
    return await sideBySide(
      rounds,
      () =>
        loop(
          () =>
            recordObservations(store, [writeInput(indicatorId, n++)], {
              now: new Date(),
              actor: 'user:bench-officer-1',
              userId: officerId
            }),
          seconds
        ),
      () => loop(() => raw(writeInput(indicatorId, n++)), seconds)
    );
  } finally {
    db.close();
  }
}

/**
 * `count` import rows, none a duplicate of another or of a stored one: each block of
 * indicators × 3,000 days cites its own new source (the duplicate key is indicator, date, level, source).
 */
function importRows(count: number, indicatorIds: string[]) {
  return Array.from({ length: count }, (_, i) => {
    const j = Math.floor(i / indicatorIds.length);
    return {
      indicatorId: indicatorIds[i % indicatorIds.length],
      observedAt: addDays('2016-01-01', j % 3000),
      level: 1 + (i % 5),
      quantity: i % 3 === 0 ? i % 50 : undefined,
      rationale: `bench import row ${i}`,
      source: `Import source ${Math.floor(j / 3000)}`,
      reliability: 'ABCDEF'[i % 6],
      credibility: 1 + (i % 6)
    };
  });
}

/** Bulk import through the store (row checks, duplicate search, one transaction, assessment) vs a raw prepared insert in one transaction. */
export function importVsRaw(
  file: string,
  copies: [string, string],
  count: number,
  indicatorIds: string[]
): { store: number; raw: number } {
  const rows = importRows(count, indicatorIds);
  copyFileSync(file, copies[0]);
  copyFileSync(file, copies[1]);
  const seconds = (fn: () => void) => {
    const t = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t) / 1e9;
  };
  const storeDb = openDb(copies[0]);
  const store = createStore(storeDb, { includeDemo: false });
  const storeSeconds = seconds(() => {
    const checked = rows.map((r, i) => checkRow(r, i + 2));
    const candidates = checked.flatMap((c) => (c.ok ? [c.candidate] : []));
    const report = importObservations(
      store,
      { rows: count, candidates, rejected: [] },
      { dryRun: false, now: new Date(), actor: 'bench', userId: null }
    );
    if (report.imported !== count) throw new Error(`the store imported ${report.imported} of ${count}`);
  });
  storeDb.close();
  const rawDb = openDb(copies[1]);
  const source = rawDb.prepare("INSERT INTO sources (title, url, kind, created_at) VALUES (?, '', 'other', ?)");
  const insert =
    rawDb.prepare(`INSERT INTO observations (indicator_id, observed_at, level, quantity, rationale, source_id, reliability,
    credibility, recorded_at, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`);
  const rawSeconds = seconds(() =>
    rawDb.transaction(() => {
      const at = new Date().toISOString();
      const sources = new Map<string, number>();
      for (const r of rows) {
        if (!sources.has(r.source)) sources.set(r.source, Number(source.run(r.source, at).lastInsertRowid));
        insert.run(
          r.indicatorId,
          r.observedAt,
          r.level,
          r.quantity ?? null,
          r.rationale,
          sources.get(r.source),
          r.reliability,
          r.credibility,
          at
        );
      }
    })()
  );
  rawDb.close();
  return { store: storeSeconds, raw: rawSeconds };
}
