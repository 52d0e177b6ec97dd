import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError, MIGRATIONS_DIR } from '../../../server/db/migrate.js';
import { openDb, type Db } from '../../../server/db/open-db.js';
import { tempDir } from '../../support/test-catalogue.js';

describe('migrate', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(() => {
    tmp = tempDir();
    db = openDb(join(tmp.dir, 'w.db'));
  });
  afterEach(() => {
    db.close();
    tmp.remove();
  });

  it('applies every migration once, records it, and applies nothing the second time', () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(migrate(db)).toEqual(files);
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(files);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('applies a new migration file on the next start', () => {
    const dir = join(tmp.dir, 'migrations');
    mkdirSync(dir);
    for (const f of readdirSync(MIGRATIONS_DIR)) copyFileSync(join(MIGRATIONS_DIR, f), join(dir, f));
    migrate(db, dir);
    writeFileSync(join(dir, '9999_add_note.sql'), 'CREATE TABLE note (id INTEGER PRIMARY KEY);');
    expect(migrate(db, dir)).toEqual(['9999_add_note.sql']);
  });

  it('applies all or nothing: a failing file leaves no trace of the batch', () => {
    const dir = join(tmp.dir, 'migrations');
    mkdirSync(dir);
    writeFileSync(join(dir, '0001_good.sql'), 'CREATE TABLE a (id INTEGER);');
    writeFileSync(join(dir, '0002_bad.sql'), 'CREATE TABLE b (id INTEGER); SELECT nonsense FROM nowhere;');
    expect(() => migrate(db, dir)).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('a', 'b')").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0);
  });

  it('refuses to start when the applied list is not a prefix of the files', () => {
    migrate(db);
    db.prepare("INSERT INTO schema_migrations VALUES ('0000_removed.sql', 'x')").run();
    expect(() => migrate(db)).toThrow(MigrationError);
  });
});
