import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBody,
  FamilyList,
  IdParams,
  IndicatorDetail,
  IndicatorList,
  ScenarioDetail,
  ScenarioList
} from '../schemas/index.js';

/** The catalogue as synchronised from the topic's files: indicators, families, scenarios. */
export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalogue } = app.store;

  app.get('/indicators', { schema: { response: { 200: IndicatorList } } }, async () => catalogue.listIndicators());

  app.get(
    '/indicators/:id',
    { schema: { params: IdParams, response: { 200: IndicatorDetail, 404: ErrorBody } } },
    async (req, reply) => catalogue.getIndicator(req.params.id) ?? reply.notFound(`no indicator "${req.params.id}"`)
  );

  app.get('/families', { schema: { response: { 200: FamilyList } } }, async () => catalogue.listFamilies());

  app.get('/scenarios', { schema: { response: { 200: ScenarioList } } }, async () => catalogue.listScenarios());

  app.get(
    '/scenarios/:id',
    { schema: { params: IdParams, response: { 200: ScenarioDetail, 404: ErrorBody } } },
    async (req, reply) => {
      const scenario = catalogue.getScenario(req.params.id);
      if (!scenario) return reply.notFound(`no scenario "${req.params.id}"`);
      return { ...scenario, matrix: catalogue.bandMatrix() };
    }
  );
};
