import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countPeriods } from '../analysis/periods.js';
import { indicatorSeries } from '../analysis/series.js';
import { InputError } from '../errors.js';
import { ErrorBody, IdParams, Series, SeriesQuery } from '../schemas/index.js';

/** Enough for weekly readings over twenty years; more is a mistake, not a chart. */
export const MAX_PERIODS = 1100;

export const seriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalogue, observations } = app.store;

  app.get(
    '/indicators/:id/series',
    { schema: { params: IdParams, querystring: SeriesQuery, response: { 200: Series, 400: ErrorBody, 404: ErrorBody } } },
    async (req, reply) => {
      const indicator = catalogue.getIndicator(req.params.id);
      if (!indicator) return reply.notFound(`no indicator "${req.params.id}"`);
      const readings = observations.activeReadings(indicator.id);
      const today = app.clock().toISOString().slice(0, 10);
      const { period } = req.query;
      const from = req.query.from ?? readings[0]?.observedAt ?? today;
      const to = req.query.to ?? [today, from].sort().at(-1)!;
      if (from > to) throw new InputError(400, 'from', `must not be after "to" (${to})`);
      if (countPeriods(from, to, period) > MAX_PERIODS) {
        throw new InputError(400, 'from', `the range holds more than ${MAX_PERIODS} ${period}s; shorten it or use a longer period`);
      }
      const points = indicatorSeries({ readings, period, from, to, cadenceDays: indicator.cadenceDays });
      return { indicatorId: indicator.id, period, from, to, points };
    }
  );
};
