import type { FastifyServerOptions } from 'fastify';
import { buildApp, type AppOptions } from './app.js';
import { loadCatalogue } from './catalogue/load-catalogue.js';
import { seedDemo } from './catalogue/seed-demo.js';
import { loadDemoAnnotations, seedDemoAnnotations } from './catalogue/demo-annotations.js';
import type { Config } from './config.js';
import type { SyncSummary } from './db/catalogue-sync.js';
import { runEvaluateWarnings } from './jobs/evaluate-warnings.js';
import { openTopicDb } from './open-topic-db.js';
import { ensureAssessment } from './services/assessment-upkeep.js';
import { createDemoAccounts } from './services/demo-accounts.js';

export interface BootReport {
  migrationsApplied: string[];
  catalogue: SyncSummary & { indicators: number; scenarios: number };
  demoLoaded: number;
  /** True when the materialised assessment was rebuilt (catalogue changed, stale or missing). */
  assessmentRebuilt: boolean;
  warnings: { evaluated: number; inserted: number; closed: number; withdrawn: number };
  users: number;
}

/**
 * Start-up in its safe order: validate the catalogue before the database is even opened (a bad
 * file leaves the database untouched), migrate, synchronise the catalogue, seed demonstration
 * data on an empty database, then build the app. The caller listens and owns shutdown.
 */
export async function boot(
  config: Pick<Config, 'dbFile' | 'demo' | 'catalogueDir' | 'staticDir'> &
    Partial<Pick<Config, 'sessions' | 'trustProxy'>> & { publicUrl?: string },
  options: { clock?: () => Date; logger?: FastifyServerOptions['logger']; schedule?: AppOptions['schedule'] } = {}
) {
  const clock = options.clock ?? (() => new Date());
  const catalogue = loadCatalogue(config.catalogueDir);
  const demoAnnotations = loadDemoAnnotations(catalogue);
  const { db, migrationsApplied, sync } = openTopicDb(config, clock(), catalogue);
  try {
    const app = await buildApp({
      db,
      includeDemo: config.demo,
      staticDir: config.staticDir,
      clock,
      logger: options.logger,
      schedule: options.schedule,
      sessions: config.sessions,
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy
    });
    const demoLoaded = config.demo ? seedDemo(app.store, catalogue, clock()) : 0;
    // Demo accounts come only with the demonstration data, so a real database never has them.
    if (demoLoaded > 0) await createDemoAccounts(app.store, app.accounts, clock());
    if (demoLoaded > 0) seedDemoAnnotations(app.store, demoAnnotations, clock());
    // The catalogue, the method or the evidence may have changed while the server was down.
    const catalogueChanged = migrationsApplied.length > 0 || Object.values(sync).some((ids) => ids.length > 0);
    const assessmentRebuilt = ensureAssessment(app.store, catalogueChanged);
    const warnings = runEvaluateWarnings({ store: app.store, clock });
    const report: BootReport = {
      migrationsApplied,
      catalogue: { ...sync, indicators: catalogue.indicators.length, scenarios: catalogue.scenarios.length },
      demoLoaded,
      assessmentRebuilt,
      warnings,
      users: app.store.users.count()
    };
    return { app, db, report };
  } catch (err) {
    db.close();
    throw err;
  }
}
