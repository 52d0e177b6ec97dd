import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth-plugin.js';
import { ErrorBody, IdParams, Observation, ObservationInput, ObservationList } from '../schemas/index.js';
import { recordObservations } from '../services/record-observations.js';

/** Recording observations (append-only; a correction supersedes) and reading them back. */
export const observationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalogue, observations } = app.store;

  app.get(
    '/indicators/:id/observations',
    { schema: { params: IdParams, response: { 200: ObservationList, 404: ErrorBody } } },
    async (req, reply) => {
      if (!catalogue.getIndicator(req.params.id)) return reply.notFound(`no indicator "${req.params.id}"`);
      return observations.listByIndicator(req.params.id);
    }
  );

  app.post(
    '/observations',
    {
      // Recording and correcting is the watch officers' work (and the admins'); managers read.
      config: { roles: ['watch_officer', 'admin'] },
      schema: { body: ObservationInput, response: { 201: Observation, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } }
    },
    async (req, reply) => {
      const {
        observations: [stored],
        warningsError
      } = recordObservations(app.store, [req.body], actorOf(req));
      // Warnings follow the evidence at once; the observation is stored whatever they find.
      if (warningsError) req.log.error({ err: warningsError }, 'warnings evaluation after an observation failed');
      return reply.code(201).send(stored);
    }
  );
};
