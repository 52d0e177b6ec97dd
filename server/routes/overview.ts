import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Overview } from '../schemas/index.js';
import { overviewAnswer } from '../services/overview.js';

/** Everything the overview page shows, in one answer: families, indicators' status, scenarios. */
export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/overview', { schema: { response: { 200: Overview } } }, async () =>
    overviewAnswer(app.store, app.clock().toISOString().slice(0, 10))
  );
};
