import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Briefing, BriefingQuery, ErrorBody } from '../schemas/index.js';
import { briefing } from '../services/briefing.js';

/** The printable briefing's data, in one answer (every signed-in role reads it). */
export const briefingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/briefing',
    { schema: { querystring: BriefingQuery, response: { 200: Briefing, 400: ErrorBody } } },
    async (req) => briefing(app.store, app.clock(), req.query)
  );
};
