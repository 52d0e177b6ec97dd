import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, Health } from '../schemas/index.js';

/** Liveness that means something: the answer requires the database to answer. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { config: { public: true }, schema: { response: { 200: Health, 503: ErrorBody } } }, async (_req, reply) => {
    try {
      app.store.db.prepare('SELECT 1').get();
      return { status: 'ok' as const };
    } catch {
      return reply.code(503).send({ message: 'database unavailable' });
    }
  });
};
