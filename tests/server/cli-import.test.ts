import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate.js';
import { openDb } from '../../server/db/open-db.js';
import { FIXTURE_CATALOGUE, tempDir } from '../support/test-catalogue.js';

const ROOT = resolve(import.meta.dirname, '../..');
const HEADER = 'indicatorId,observedAt,level,quantity,rationale,source,reliability,credibility';

describe('npm run import', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  const run = (args: string[]) =>
    spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['server/cli/import.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        WATCHFLOOR_DB: db,
        WATCHFLOOR_CATALOGUE: FIXTURE_CATALOGUE,
        WATCHFLOOR_DEMO: '0',
        INIT_CWD: tmp.dir
      }
    });
  const count = () => {
    const handle = openDb(db);
    migrate(handle);
    const n = handle.prepare('SELECT count(*) FROM observations').pluck().get();
    handle.close();
    return n;
  };
  beforeEach(() => {
    tmp = tempDir();
    db = join(tmp.dir, 'w.db');
  });
  afterEach(() => tmp.remove());

  it('dry-runs a file with a bad row (exit 1, the problem by line), then imports a clean one', () => {
    writeFileSync(
      join(tmp.dir, 'bad.csv'),
      `${HEADER}\nsalaries,2024-01-10,3,,Fine,Desk,B,2\nsalaries,2024-01-11,9,,Bad level,Desk,B,2\n`
    );
    const dry = run(['bad.csv', '--dry-run']);
    expect(dry.status).toBe(1);
    expect(dry.stdout).toContain('2 rows, 1 accepted, 0 duplicates, 1 problem(s)');
    expect(dry.stdout).toContain('line 3, level: must be at most 5');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    // Not a terminal: no progress bar on stderr.
    expect(dry.stderr).toBe('');
    expect(count()).toBe(0);

    writeFileSync(
      join(tmp.dir, 'good.csv'),
      `${HEADER}\nsalaries,2024-01-10,3,,Fine,Desk,B,2\nattacks,2024-01-11,4,2,Also fine,Desk,B,2\n`
    );
    const write = run(['good.csv']);
    expect(write.stderr).toBe('');
    expect(write.status).toBe(0);
    expect(write.stdout).toContain('Imported 2 observation(s).');
    expect(count()).toBe(2);
    expect(run(['good.csv']).stdout).toContain('2 duplicates');
  });

  it('reads JSON arrays and says how to call it when the file is missing', () => {
    writeFileSync(
      join(tmp.dir, 'rows.json'),
      JSON.stringify([
        {
          indicatorId: 'salaries',
          observedAt: '2024-01-10',
          level: 2,
          rationale: 'From JSON',
          source: 'Desk',
          reliability: 'C',
          credibility: 3
        }
      ])
    );
    expect(run(['rows.json']).stdout).toContain('Imported 1 observation(s).');
    const usage = run([]);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('usage: npm run import');
  });
});
