/** Why the database could not take a write: the disk, the file's permissions, or another writer. */
export type StorageProblem = 'full' | 'read-only' | 'busy';

/** SQLite's error codes (better-sqlite3 puts them on `code`, extended codes included) as a problem. */
export function storageProblem(err: unknown): StorageProblem | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_FULL')) return 'full';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return null;
}

/** What a client (and GET /api/health) is told; nothing was stored in any of these cases. */
export const STORAGE_MESSAGES: Record<StorageProblem, string> = {
  full: 'The database is full (no space left): nothing was stored. Reading still works; try again once space is freed.',
  'read-only': 'The database is read-only: nothing was stored. Reading still works; try again once it is writable.',
  busy: 'The database is busy with other writers: nothing was stored. Try again in a moment.'
};

/** Write health as the server last saw it: a failed write marks it, a successful one clears it. */
export interface StorageState {
  problem: StorageProblem | null;
}
