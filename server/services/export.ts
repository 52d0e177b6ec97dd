import { familyComposite } from '../analysis/composite.js';
import { indicatorSeries } from '../analysis/series.js';
import type { Store } from '../db/store.js';
import { InputError } from '../errors.js';
import type {
  CatalogueExport,
  ExportedSeries,
  Observation,
  ObservationExportQuery,
  ScenarioExport,
  ScenarioExportQuery,
  SeriesExport,
  SeriesExportQuery
} from '../schemas/index.js';
import { fitModel, queryWindow } from './assessment.js';
import { assessmentFirstDate, fitPoints } from './scenario-picture.js';

/** A named indicator or family must exist: an export of nothing because of a typo would mislead. */
function checkScope(store: Store, q: { indicatorId?: string; familyId?: string }) {
  if (q.indicatorId && !store.catalogue.getIndicator(q.indicatorId))
    throw new InputError(400, 'indicatorId', `no indicator "${q.indicatorId}"`);
  if (q.familyId && !store.catalogue.listFamilies().some((f) => f.id === q.familyId))
    throw new InputError(400, 'familyId', `no family "${q.familyId}"`);
}

export function exportObservations(store: Store, q: ObservationExportQuery): Observation[] {
  checkScope(store, q);
  return store.exports.observations({ ...q, includeSuperseded: q.includeSuperseded === 'true' });
}

/**
 * The series the charts draw, per period: one indicator, a family's indicators with its
 * composite, or (neither named) every current indicator.
 */
export function exportSeries(store: Store, today: string, q: SeriesExportQuery): SeriesExport {
  checkScope(store, q);
  const window = queryWindow(store.observations.firstDate(), today, q);
  const indicators = store.catalogue
    .listIndicators()
    .filter((i) =>
      q.indicatorId ? i.id === q.indicatorId : !i.retired && (!q.familyId || i.family.id === q.familyId)
    );
  const series: ExportedSeries[] = indicators.map((i) => ({
    id: i.id,
    title: i.title,
    kind: 'indicator',
    familyId: i.family.id,
    points: indicatorSeries({
      readings: store.observations.activeReadings(i.id),
      ...window,
      cadenceDays: i.cadenceDays
    })
  }));
  if (q.familyId) {
    const family = store.catalogue.listFamilies().find((f) => f.id === q.familyId)!;
    series.unshift({
      id: family.id,
      title: `${family.title} (composite)`,
      kind: 'composite',
      familyId: family.id,
      points: familyComposite(series.map((s) => s.points))
    });
  }
  return { ...window, series };
}

/** Scenario probabilities per period from the one assessment: the numbers the scenario charts show. */
export function exportScenarios(store: Store, today: string, q: ScenarioExportQuery): ScenarioExport {
  const model = fitModel(store);
  const window = queryWindow(assessmentFirstDate(store, model), today, q);
  return {
    ...window,
    scenarios: store.catalogue.listScenarios().map(({ id, title, prior }) => ({ id, title, prior })),
    points: fitPoints(store, model, window, today)
  };
}

export function exportCatalogue(store: Store, now: Date): CatalogueExport {
  const topic = store.catalogue.topic();
  if (!topic) throw new Error('no topic loaded');
  const indicators = store.catalogue.listIndicators().map((i) => store.catalogue.getIndicator(i.id)!);
  return {
    exportedAt: now.toISOString(),
    topic,
    documents: store.exports.documents(),
    families: store.catalogue
      .listFamilies()
      .map((f) => ({ ...f, indicators: indicators.filter((i) => i.family.id === f.id) })),
    scenarios: store.catalogue.listScenarios()
  };
}
