import { join } from 'node:path';
import { loadCatalogue } from '../../server/catalogue/load-catalogue.js';
import { syncCatalogue } from '../../server/db/catalogue-sync.js';
import { migrate } from '../../server/db/migrate.js';
import { openDb } from '../../server/db/open-db.js';
import { createStore } from '../../server/db/store.js';
import type { ObservationInput } from '../../server/schemas/index.js';
import { FIXTURE_CATALOGUE, tempDir } from './test-catalogue.js';

export const NOW = new Date('2024-02-01T09:00:00Z');

/** A migrated SQLite file with the fixture catalogue, and a store over it. */
export function testDb(catalogueDir = FIXTURE_CATALOGUE, options = { includeDemo: true }) {
  const tmp = tempDir();
  const file = join(tmp.dir, 'w.db');
  const db = openDb(file);
  migrate(db);
  const store = createStore(db, options);
  syncCatalogue(store, loadCatalogue(catalogueDir), NOW);
  return {
    file,
    db,
    store,
    dispose() {
      db.close();
      tmp.remove();
    }
  };
}

export function observationInput(overrides: Partial<ObservationInput> = {}): ObservationInput {
  return {
    indicatorId: 'salaries',
    observedAt: '2024-01-15',
    level: 3,
    rationale: 'Paid at reduced rates according to two banking contacts.',
    source: { title: 'Field report', url: 'https://example.org/report' },
    reliability: 'B',
    credibility: 2,
    ...overrides
  };
}
