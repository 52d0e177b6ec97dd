// `npm run assessment:rebuild`: recompute the materialised scenario assessment from the evidence
// (after a restore, or to check it). Uses the server's configuration (WATCHFLOOR_DB, …) and
// synchronises the catalogue first, as a start would.
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { loadConfig } from '../config.js';
import { syncCatalogue } from '../db/catalogue-sync.js';
import { migrate } from '../db/migrate.js';
import { openDb } from '../db/open-db.js';
import { createStore } from '../db/store.js';
import { runEvaluateWarnings } from '../jobs/evaluate-warnings.js';
import { rebuildAssessment } from '../services/assessment-upkeep.js';

function main() {
  const config = loadConfig();
  const catalogue = loadCatalogue(config.catalogueDir);
  const db = openDb(config.dbFile);
  try {
    migrate(db);
    const store = createStore(db, { includeDemo: config.demo });
    syncCatalogue(store, catalogue, new Date());
    const started = process.hrtime.bigint();
    const built = rebuildAssessment(store);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const warnings = runEvaluateWarnings({ store, clock: () => new Date() });
    console.log(`Assessment rebuilt in ${ms.toFixed(0)} ms: ${built.segments} vote segments, ${built.days} days; warnings: ${warnings.inserted} new, ${warnings.withdrawn} withdrawn.`);
  } finally {
    db.close();
  }
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
