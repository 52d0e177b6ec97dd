import { createAssessmentRepository } from './assessment-repository.js';
import { createAnnotationRepository } from './annotation-repository.js';
import { createAuditRepository } from './audit-repository.js';
import { createCatalogueRepository } from './catalogue-repository.js';
import { createDigestRepository } from './digest-repository.js';
import { createExportRepository } from './export-repository.js';
import { createImportRepository } from './import-repository.js';
import { createMetaRepository } from './meta-repository.js';
import { createIndicatorStatusRepository } from './indicator-status-repository.js';
import { createObservationRepository } from './observation-repository.js';
import { createSessionRepository } from './session-repository.js';
import { createSourceRepository } from './source-repository.js';
import { createUserRepository } from './user-repository.js';
import { createWarningRepository } from './warning-repository.js';
import type { Db } from './open-db.js';

/** Every repository over one database: the only place SQL lives. */
export function createStore(db: Db, options: { includeDemo: boolean }) {
  // One audit log and one source repository, shared by every repository that writes to them.
  const audit = createAuditRepository(db);
  const sources = createSourceRepository(db, audit);
  return {
    db,
    catalogue: createCatalogueRepository(db),
    observations: createObservationRepository(db, options, { audit, sources }),
    indicatorStatus: createIndicatorStatusRepository(db, options),
    assessment: createAssessmentRepository(db, options),
    imports: createImportRepository(db, options),
    exports: createExportRepository(db, options),
    annotations: createAnnotationRepository(db, options),
    sources,
    warnings: createWarningRepository(db, audit),
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    digests: createDigestRepository(db),
    meta: createMetaRepository(db),
    audit
  };
}

export type Store = ReturnType<typeof createStore>;
