import type { Db } from './open-db.js';

/** Small facts about this database, such as when demonstration data was loaded. */
export function createMetaRepository(db: Db) {
  const read = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const write = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  );
  return {
    get: (key: string) => (read.get(key) as string | undefined) ?? null,
    set: (key: string, value: string) => void write.run(key, value)
  };
}
