// An observation as the reads select it (with its source, correction and recorder) and as the API shows it.
import { observationWeight } from '../analysis/grading.js';
import type { Observation, Reliability } from '../schemas/index.js';

export interface ObservationRow {
  id: number;
  indicatorId: string;
  observedAt: string;
  level: number;
  quantity: number | null;
  rationale: string;
  sourceId: number;
  sourceTitle: string;
  sourceUrl: string;
  reliability: Reliability;
  credibility: number;
  supersedes: number | null;
  supersededBy: number | null;
  recordedAt: string;
  demo: number;
  recordedById: number | null;
  recordedByUsername: string | null;
  recordedByName: string | null;
}

export const COLUMNS = `o.id, o.indicator_id AS indicatorId, o.observed_at AS observedAt, o.level, o.quantity,
  o.rationale, s.id AS sourceId, s.title AS sourceTitle, s.url AS sourceUrl, o.reliability, o.credibility,
  o.supersedes, c.id AS supersededBy, o.recorded_at AS recordedAt, o.demo,
  u.id AS recordedById, u.username AS recordedByUsername, u.display_name AS recordedByName`;
export const FROM = `observations o JOIN sources s ON s.id = o.source_id LEFT JOIN observations c ON c.supersedes = o.id
  LEFT JOIN users u ON u.id = o.recorded_by`;

export function toObservation(r: ObservationRow): Observation {
  return {
    id: r.id,
    indicatorId: r.indicatorId,
    observedAt: r.observedAt,
    level: r.level,
    quantity: r.quantity,
    rationale: r.rationale,
    source: { id: r.sourceId, title: r.sourceTitle, url: r.sourceUrl || null },
    reliability: r.reliability,
    credibility: r.credibility,
    weight: observationWeight(r.reliability, r.credibility),
    supersedes: r.supersedes,
    supersededBy: r.supersededBy,
    recordedAt: r.recordedAt,
    demo: r.demo === 1,
    recordedBy:
      r.recordedById === null
        ? null
        : { id: r.recordedById, username: r.recordedByUsername!, displayName: r.recordedByName! }
  };
}
