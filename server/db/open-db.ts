import Database from 'better-sqlite3';
import { chmodSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { makePrivateDir, touchPrivateFile } from './private-files.js';

export type Db = Database.Database;

/**
 * Opens the database file (creating its folder), in WAL mode with foreign keys enforced. The
 * file, its WAL and shared-memory files are the server's user's alone (0600, folder 0700): they
 * hold password hashes, sessions and assessments. SQLite gives the WAL and SHM the main file's mode.
 */
export function openDb(file: string): Db {
  if (file !== ':memory:') {
    makePrivateDir(dirname(file));
    touchPrivateFile(file);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  if (file !== ':memory:') {
    for (const extra of [`${file}-wal`, `${file}-shm`]) if (existsSync(extra)) chmodSync(extra, 0o600);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
}
