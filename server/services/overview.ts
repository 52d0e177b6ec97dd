import type { Store } from '../db/store.js';
import type { Overview } from '../schemas/index.js';
import { indicatorStatuses } from './indicator-statuses.js';
import { scenarioPicture } from './scenario-picture.js';

const NO_TOPIC = {
  id: 'none',
  title: 'No catalogue loaded',
  description: '',
  scale: { low: 'lowest', high: 'highest' }
};

/** Everything the overview page shows, in one answer: families with their indicators' status, scenarios. */
export function overviewAnswer(store: Store, today: string): Overview {
  const { catalogue, observations } = store;
  const indicators = catalogue.listIndicators();
  const statuses = indicatorStatuses(store, today, indicators);
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
    topic: catalogue.topic() ?? NO_TOPIC,
    today,
    demo: { shown: demoCount > 0, observationCount: demoCount },
    families,
    scenarios: catalogue.listScenarios().map(({ id, title, summary, prior }) => ({ id, title, summary, prior })),
    scenarioPicture: scenarioPicture(store, today)
  };
}
