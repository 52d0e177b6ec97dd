// `npm run bench`'s plan check: which SQL the timed calls run, and whether SQLite answers each
// with index searches or reads a whole table that grows with the evidence.
import Database from 'better-sqlite3';

type Method = 'all' | 'get' | 'run' | 'iterate';
const METHODS: Method[] = ['all', 'get', 'run', 'iterate'];

/** Runs `fn` and returns the distinct SQL text of every statement it executed. */
export async function queriesRunBy(db: Database.Database, fn: () => Promise<unknown>): Promise<string[]> {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<Method, (...a: unknown[]) => unknown>;
  const originals = METHODS.map((m) => proto[m]);
  const seen = new Set<string>();
  METHODS.forEach((m, k) => {
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      seen.add(this.source);
      return originals[k].apply(this, args);
    };
  });
  try {
    await fn();
  } finally {
    METHODS.forEach((m, k) => (proto[m] = originals[k]));
  }
  return [...seen];
}

// Tables whose size grows with the evidence: a SCAN of one is a read of the whole history.
const GROWING =
  /\bSCAN (observations|o|c|indicator_months|m|indicator_days|assessment_segments|assessment_days|audit_log|warnings|w)\b/;

/**
 * EXPLAIN QUERY PLAN of `sql` with every parameter NULL: the lines that scan a growing table,
 * each noting when the scan is bounded anyway (a partial index holds only the rows it is for;
 * `LIMIT 1` stops at the first row that qualifies).
 */
export function fullScans(db: Database.Database, sql: string): string[] {
  const partial = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'")
    .pluck()
    .all() as string[];
  const bare = sql.replace(/'(?:[^']|'')*'/g, "''");
  const named = Object.fromEntries([...bare.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => [m[1], null]));
  const positional = Array.from({ length: (bare.match(/\?/g) ?? []).length }, () => null);
  const args = Object.keys(named).length ? [...positional, named] : positional;
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
  return plan
    .map((p) => p.detail)
    .filter((d) => GROWING.test(d))
    .map((d) => {
      const index = partial.find((name) => d.includes(`INDEX ${name}`));
      if (index) return `${d} (partial index: bounded)`;
      return /LIMIT 1\b/.test(bare) ? `${d} (LIMIT 1: stops at the first row)` : `${d} (grows with the data)`;
    });
}
