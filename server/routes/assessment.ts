import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Diagnosticity, ErrorBody, FitQuery, ScenarioFit } from '../schemas/index.js';
import { diagnosticityAnswer } from '../services/diagnosticity.js';
import { scenarioFitAnswer } from '../services/scenario-picture.js';

/** The manager's analysis: scenario fit over time, ACH, movement, sensitivity, diagnosticity. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/scenarios/fit',
    { schema: { querystring: FitQuery, response: { 200: ScenarioFit, 400: ErrorBody } } },
    async (req) => scenarioFitAnswer(app.store, app.clock().toISOString().slice(0, 10), req.query)
  );

  app.get('/diagnosticity', { schema: { response: { 200: Diagnosticity } } }, async () =>
    diagnosticityAnswer(app.store)
  );
};
