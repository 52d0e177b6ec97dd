import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, FamilySeries, IdParams, Series, SeriesQuery } from '../schemas/index.js';
import { queryWindow } from '../services/assessment.js';
import { familySeries, windowedSeries } from '../services/indicator-series.js';

export const seriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalogue, observations } = app.store;

  app.get(
    '/indicators/:id/series',
    {
      schema: { params: IdParams, querystring: SeriesQuery, response: { 200: Series, 400: ErrorBody, 404: ErrorBody } }
    },
    async (req, reply) => {
      const indicator = catalogue.getIndicator(req.params.id);
      if (!indicator) return reply.notFound(`no indicator "${req.params.id}"`);
      const today = app.clock().toISOString().slice(0, 10);
      const window = queryWindow(observations.firstObservedAt(indicator.id), today, req.query);
      const { period, from, to } = window;
      return { indicatorId: indicator.id, period, from, to, points: windowedSeries(app.store, indicator, window) };
    }
  );

  app.get(
    '/families/:id/series',
    {
      schema: {
        params: IdParams,
        querystring: SeriesQuery,
        response: { 200: FamilySeries, 400: ErrorBody, 404: ErrorBody }
      }
    },
    async (req, reply) => {
      const family = catalogue.listFamilies().find((f) => f.id === req.params.id);
      if (!family) return reply.notFound(`no family "${req.params.id}"`);
      const window = queryWindow(observations.firstDate(), app.clock().toISOString().slice(0, 10), req.query);
      return familySeries(app.store, family, window);
    }
  );
};
