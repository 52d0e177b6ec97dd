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
  // FULL, deliberately: in WAL mode every commit is fsynced to the log before the write is
  // acknowledged, so an acknowledged observation survives a power loss too, not only an
  // application crash (NORMAL would survive the crash but could lose the last commits on power
  // loss). Writes are made by people, a few a minute, so one fsync each costs nothing that matters.
  db.pragma('synchronous = FULL');
  // The log is folded back every 1,000 pages (SQLite's default); this truncates the file after a
  // checkpoint, so a burst of writes does not leave a large WAL on disk.
  db.pragma('journal_size_limit = 8388608');
  return db;
}
