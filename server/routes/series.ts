import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countPeriods } from '../analysis/periods.js';
import { familyComposite } from '../analysis/composite.js';
import { indicatorSeries } from '../analysis/series.js';
import { InputError } from '../errors.js';
import { ErrorBody, FamilySeries, IdParams, Series, SeriesQuery } from '../schemas/index.js';
import { defaultWindow, type Window } from '../services/assessment.js';

/** Enough for weekly readings over twenty years; more is a mistake, not a chart. */
export const MAX_PERIODS = 1100;

export const seriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalogue, observations } = app.store;

  /** The window a query asks for, refused when it is inverted or absurdly long. */
  const checkedWindow = (w: Window): Window => {
    if (w.from > w.to) throw new InputError(400, 'from', `must not be after "to" (${w.to})`);
    if (countPeriods(w.from, w.to, w.period) > MAX_PERIODS) {
      throw new InputError(400, 'from', `the range holds more than ${MAX_PERIODS} ${w.period}s; shorten it or use a longer period`);
    }
    return w;
  };

  app.get(
    '/indicators/:id/series',
    { schema: { params: IdParams, querystring: SeriesQuery, response: { 200: Series, 400: ErrorBody, 404: ErrorBody } } },
    async (req, reply) => {
      const indicator = catalogue.getIndicator(req.params.id);
      if (!indicator) return reply.notFound(`no indicator "${req.params.id}"`);
      const readings = observations.activeReadings(indicator.id);
      const today = app.clock().toISOString().slice(0, 10);
      const { from, to, period } = checkedWindow({
        from: req.query.from ?? readings[0]?.observedAt ?? today,
        to: req.query.to ?? [today, req.query.from ?? readings[0]?.observedAt ?? today].sort().at(-1)!,
        period: req.query.period
      });
      const points = indicatorSeries({ readings, period, from, to, cadenceDays: indicator.cadenceDays });
      return { indicatorId: indicator.id, period, from, to, points };
    }
  );

  app.get(
    '/families/:id/series',
    { schema: { params: IdParams, querystring: SeriesQuery, response: { 200: FamilySeries, 400: ErrorBody, 404: ErrorBody } } },
    async (req, reply) => {
      const family = catalogue.listFamilies().find((f) => f.id === req.params.id);
      if (!family) return reply.notFound(`no family "${req.params.id}"`);
      const window = checkedWindow(defaultWindow(app.store, app.clock().toISOString().slice(0, 10), req.query));
      const indicators = catalogue.listIndicators().filter((i) => i.family.id === family.id && !i.retired);
      const series = indicators.map((i) => ({
        id: i.id,
        title: i.title,
        points: indicatorSeries({ readings: observations.activeReadings(i.id), ...window, cadenceDays: i.cadenceDays })
      }));
      return { familyId: family.id, title: family.title, ...window, composite: familyComposite(series.map((s) => s.points)), indicators: series };
    }
  );
};
