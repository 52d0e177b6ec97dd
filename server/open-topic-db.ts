import { loadCatalogue, type Catalogue } from './catalogue/load-catalogue.js';
import type { Config } from './config.js';
import { createAuditRepository } from './db/audit-repository.js';
import { syncCatalogue, type SyncSummary } from './db/catalogue-sync.js';
import { migrate } from './db/migrate.js';
import { openDb } from './db/open-db.js';

/**
 * The start-up every entry point shares (the server and the commands): validate the catalogue
 * before the database is even opened, so a bad file leaves the database untouched; then open,
 * migrate and synchronise the catalogue. On failure the database is closed again.
 */
export function openTopicDb(
  config: Pick<Config, 'dbFile' | 'catalogueDir'>,
  now: Date,
  catalogue: Catalogue = loadCatalogue(config.catalogueDir)
) {
  const db = openDb(config.dbFile);
  try {
    const migrationsApplied = migrate(db);
    const sync: SyncSummary = syncCatalogue({ db, audit: createAuditRepository(db) }, catalogue, now);
    return { catalogue, db, migrationsApplied, sync };
  } catch (err) {
    db.close();
    throw err;
  }
}
