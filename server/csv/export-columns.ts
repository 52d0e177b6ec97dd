import type {
  AuditEntry,
  ExportedSeries,
  FitPoint,
  Observation,
  ScenarioExport,
  SeriesPoint
} from '../schemas/index.js';
import type { CsvColumn } from './write-csv.js';

export const OBSERVATION_COLUMNS: CsvColumn<Observation>[] = [
  { header: 'id', value: (o) => o.id },
  { header: 'indicatorId', value: (o) => o.indicatorId },
  { header: 'observedAt', value: (o) => o.observedAt },
  { header: 'level', value: (o) => o.level },
  { header: 'quantity', value: (o) => o.quantity },
  { header: 'rationale', value: (o) => o.rationale },
  { header: 'sourceId', value: (o) => o.source.id },
  { header: 'source', value: (o) => o.source.title },
  { header: 'sourceUrl', value: (o) => o.source.url },
  { header: 'reliability', value: (o) => o.reliability },
  { header: 'credibility', value: (o) => o.credibility },
  { header: 'weight', value: (o) => o.weight },
  { header: 'supersedes', value: (o) => o.supersedes },
  { header: 'supersededBy', value: (o) => o.supersededBy },
  { header: 'recordedAt', value: (o) => o.recordedAt },
  { header: 'recordedBy', value: (o) => o.recordedBy?.username },
  { header: 'demo', value: (o) => o.demo }
];

type SeriesRow = SeriesPoint & { series: ExportedSeries; period: string };

/** One row per series and period: the points the charts draw. */
export const SERIES_COLUMNS: CsvColumn<SeriesRow>[] = [
  { header: 'seriesId', value: (r) => r.series.id },
  { header: 'kind', value: (r) => r.series.kind },
  { header: 'title', value: (r) => r.series.title },
  { header: 'familyId', value: (r) => r.series.familyId },
  { header: 'period', value: (r) => r.period },
  { header: 'start', value: (r) => r.start },
  { header: 'end', value: (r) => r.end },
  { header: 'reading', value: (r) => r.reading },
  { header: 'confidence', value: (r) => r.confidence },
  { header: 'carried', value: (r) => r.carried },
  { header: 'observationCount', value: (r) => r.observationCount },
  { header: 'quantity', value: (r) => r.quantity }
];

export const seriesRows = (series: ExportedSeries[], period: string): SeriesRow[] =>
  series.flatMap((s) => s.points.map((p) => ({ ...p, series: s, period })));

type ScenarioRow = FitPoint['scenarios'][number] & { point: FitPoint; title: string; period: string };

/** One row per period and scenario, read at the period's last day (`at`). */
export const SCENARIO_COLUMNS: CsvColumn<ScenarioRow>[] = [
  { header: 'period', value: (r) => r.period },
  { header: 'start', value: (r) => r.point.start },
  { header: 'end', value: (r) => r.point.end },
  { header: 'at', value: (r) => r.point.at },
  { header: 'scenarioId', value: (r) => r.scenarioId },
  { header: 'scenario', value: (r) => r.title },
  { header: 'probability', value: (r) => r.probability },
  { header: 'words', value: (r) => r.words },
  { header: 'inconsistency', value: (r) => r.inconsistency },
  { header: 'leading', value: (r) => r.point.leading === r.scenarioId },
  { header: 'evidence', value: (r) => r.point.evidence }
];

export function scenarioRows(e: ScenarioExport): ScenarioRow[] {
  const titles = new Map(e.scenarios.map((s) => [s.id, s.title]));
  return e.points.flatMap((point) =>
    point.scenarios.map((s) => ({ ...s, point, period: e.period, title: titles.get(s.scenarioId) ?? s.scenarioId }))
  );
}

export const AUDIT_COLUMNS: CsvColumn<AuditEntry>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'at', value: (r) => r.at },
  { header: 'actor', value: (r) => r.actor },
  { header: 'action', value: (r) => r.action },
  { header: 'entity', value: (r) => r.entity },
  { header: 'entity_id', value: (r) => r.entityId },
  { header: 'before', value: (r) => r.before },
  { header: 'after', value: (r) => r.after }
];
