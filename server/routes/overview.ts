import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Overview } from '../schemas/index.js';
import { indicatorStatuses } from '../services/indicator-statuses.js';
import { scenarioPicture } from '../services/scenario-picture.js';

/** Everything the overview page shows, in one answer: families, indicators' status, scenarios. */
export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalogue, observations } = app.store;

  app.get('/overview', { schema: { response: { 200: Overview } } }, async () => {
    const today = app.clock().toISOString().slice(0, 10);
    const indicators = catalogue.listIndicators();
    const statuses = indicatorStatuses(app.store, today, indicators);
    const topic = catalogue.topic() ?? { id: 'none', title: 'No catalogue loaded', description: '', scale: { low: 'lowest', high: 'highest' } };
    const families = catalogue.listFamilies().map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      indicators: indicators
        .filter((i) => i.family.id === f.id)
        .map((i) => ({
          id: i.id,
          title: i.title,
          retired: i.retired,
          cadenceDays: i.cadenceDays,
          ...statuses.get(i.id)!
        }))
    }));
    const demoCount = observations.demoCount();
    return {
      topic,
      today,
      demo: { shown: demoCount > 0, observationCount: demoCount },
      families,
      scenarios: catalogue.listScenarios().map(({ id, title, summary, prior }) => ({ id, title, summary, prior })),
      scenarioPicture: scenarioPicture(app.store, today)
    };
  });
};
