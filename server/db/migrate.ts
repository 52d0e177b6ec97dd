import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from './open-db.js';

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../migrations');

export class MigrationError extends Error {}

const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/;

/**
 * Applies the pending migrations, in order, in one transaction, and records each.
 * Refuses to run when the applied list is not a prefix of the files on disk (a file was
 * renamed, removed or inserted before an applied one): the schema would be unknowable.
 */
export function migrate(db: Db, dir = MIGRATIONS_DIR): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const misnamed = files.filter((f) => !FILE_PATTERN.test(f));
  if (misnamed.length) throw new MigrationError(`Badly named migration files: ${misnamed.join(', ')}`);

  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];
  applied.forEach((name, i) => {
    if (files[i] !== name) {
      throw new MigrationError(
        `Applied migration ${name} does not match ${files[i] ?? 'any file'} on disk; refusing to start`
      );
    }
  });

  const pending = files.slice(applied.length);
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  db.transaction(() => {
    for (const name of pending) {
      db.exec(readFileSync(join(dir, name), 'utf8'));
      record.run(name, new Date().toISOString());
    }
  })();
  return pending;
}
