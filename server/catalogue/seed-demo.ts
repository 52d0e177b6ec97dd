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
  const who = { now, actor: 'system:demo' };
  const sourceIds = new Map<string, number>();
  const inputs = () =>
    catalogue.demoObservations.map((o): ObservationInput => ({
      indicatorId: o.indicator,
      observedAt: o.observedAt,
      level: o.level,
      quantity: o.quantity,
      rationale: `${o.rationale} (${o.section})`,
      sourceId: sourceIds.get(o.document)!,
      reliability: o.reliability,
      credibility: o.credibility
    }));
  if (catalogue.demoObservations.length === 0) return 0;
  store.db.transaction(() => {
    // Each document is a source of kind "document", graded as its readings most often are.
    for (const doc of catalogue.topic.documents) {
      const grades = catalogue.demoObservations.filter((o) => o.document === doc.file).map((o) => o.reliability);
      if (grades.length === 0) continue;
      const reliability = mode(grades);
      const name = `${doc.title}${doc.publisher ? ` — ${doc.publisher}` : ''} [${doc.file}]`;
      const created = store.sources.create(
        { name, kind: 'document', reliability, rationale: doc.character ?? 'demonstration source' },
        who
      );
      sourceIds.set(doc.file, created.id);
    }
    store.observations.recordAll(inputs(), { ...who, demo: true });
    store.meta.set(DEMO_LOADED_KEY, now.toISOString());
  })();
  return catalogue.demoObservations.length;
}

function mode<T>(values: T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
