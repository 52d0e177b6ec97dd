import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { diagnosticity } from '../analysis/diagnosticity.js';
import { DIAGNOSTIC_THRESHOLD, MIN_DISTINCTIVE_INDICATORS, MIN_SEPARATING_INDICATORS } from '../analysis/method.js';
import { Diagnosticity, ErrorBody, FitQuery, ScenarioFit } from '../schemas/index.js';
import { scenarioFitAnswer } from '../services/scenario-picture.js';

/** The manager's analysis: scenario fit over time, ACH, movement, sensitivity, diagnosticity. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalogue } = app.store;

  app.get('/scenarios/fit', { schema: { querystring: FitQuery, response: { 200: ScenarioFit, 400: ErrorBody } } }, async (req) =>
    scenarioFitAnswer(app.store, app.clock().toISOString().slice(0, 10), req.query)
  );

  app.get('/diagnosticity', { schema: { response: { 200: Diagnosticity } } }, async () => {
    const matrix = catalogue.bandMatrix();
    const ids = matrix.scenarios.map((s) => s.id);
    const result = diagnosticity({ scenarioIds: ids, indicators: matrix.rows.map((r) => ({ id: r.indicatorId, bands: r.bands })) });
    return {
      threshold: DIAGNOSTIC_THRESHOLD,
      minDistinctive: MIN_DISTINCTIVE_INDICATORS,
      minSeparating: MIN_SEPARATING_INDICATORS,
      pairs: result.pairs,
      scenarios: matrix.scenarios.map((s, k) => ({ ...s, ...result.scenarios[k] })),
      indicators: matrix.rows.map((r, k) => ({
        ...result.indicators[k], indicatorTitle: r.indicatorTitle, family: r.family, bands: r.bands
      }))
    };
  });
};
