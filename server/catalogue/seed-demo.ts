import type { Store } from '../db/store.js';
import type { ObservationInput } from '../schemas/index.js';
import type { Catalogue } from './load-catalogue.js';

export const DEMO_LOADED_KEY = 'demo_loaded_at';

/**
 * Loads the topic's demonstration observations, each with its document as source, but only into
 * an empty database: real reporting is never mixed with demonstration rows after the fact.
 * Returns how many were loaded.
 */
export function seedDemo(store: Store, catalogue: Catalogue, now: Date): number {
  if (store.observations.total() > 0 || store.meta.get(DEMO_LOADED_KEY)) return 0;
  const documents = new Map(catalogue.topic.documents.map((d) => [d.file, d]));
  const inputs: ObservationInput[] = catalogue.demoObservations.map((o) => {
    const doc = documents.get(o.document)!;
    return {
      indicatorId: o.indicator,
      observedAt: o.observedAt,
      level: o.level,
      quantity: o.quantity,
      rationale: `${o.rationale} (${o.section})`,
      source: { title: `${doc.title}${doc.publisher ? ` — ${doc.publisher}` : ''} [${doc.file}]` },
      reliability: o.reliability,
      credibility: o.credibility
    };
  });
  if (inputs.length === 0) return 0;
  store.db.transaction(() => {
    store.observations.recordAll(inputs, { now, actor: 'system:demo', demo: true });
    store.meta.set(DEMO_LOADED_KEY, now.toISOString());
  })();
  return inputs.length;
}
