import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/open-db.js';
import { STORAGE_MESSAGES, type StorageProblem } from '../db/storage-errors.js';
import { ErrorBody, Health } from '../schemas/index.js';

/** What the database itself says about taking writes, without writing anything. */
function probeWrites(db: Db): StorageProblem | null {
  if (db.readonly || db.pragma('query_only', { simple: true })) return 'read-only';
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return pages >= (db.pragma('max_page_count', { simple: true }) as number) && free === 0 ? 'full' : null;
}

/**
 * Liveness that means something: the answer requires the database to answer (else 503). A
 * database that answers but refuses writes (full, read-only) is `degraded`, still 200: reads work.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { config: { public: true }, schema: { response: { 200: Health, 503: ErrorBody } } },
    async (_req, reply) => {
      try {
        const problem = probeWrites(app.store.db) ?? app.storage.problem;
        if (!problem || problem === 'busy') return { status: 'ok' as const, writable: true };
        return { status: 'degraded' as const, writable: false, message: STORAGE_MESSAGES[problem] };
      } catch {
        return reply.code(503).send({ message: 'database unavailable' });
      }
    }
  );
};
