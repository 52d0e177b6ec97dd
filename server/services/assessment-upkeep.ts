// Keeps the materialised assessment in step with the evidence: rebuilt from scratch when the
// catalogue, the method or the evidence changed behind its back, updated from a date on a write.
import { createHash } from 'node:crypto';
import { sweepDays } from '../analysis/assessment-days.js';
import { COVERAGE_WEIGHT, SIGMA, SLACK } from '../analysis/method.js';
import { addDays } from '../analysis/periods.js';
import { voteSegments, type FitModel, type Reading, type VoteSegment } from '../analysis/scenario-fit.js';
import type { Store } from '../db/store.js';
import { fitModel } from './assessment.js';

const FINGERPRINT_KEY = 'assessment_fingerprint';

// The model's JSON, once per model (fitModel shares one object while the catalogue stands).
const modelJson = new WeakMap<FitModel, string>();

/** What the materialisation was built from: the model (catalogue, topic, method) and the evidence. */
function fingerprint(store: Store, model: FitModel): string {
  let json = modelJson.get(model);
  if (json === undefined) modelJson.set(model, (json = JSON.stringify(model)));
  // Spelled out, this is JSON.stringify({ model, method, includeDemo, lastObservation }).
  const inputs =
    `{"model":${json},"method":${JSON.stringify({ SIGMA, SLACK, COVERAGE_WEIGHT })},` +
    `"includeDemo":${JSON.stringify(store.observations.demoVisible)},` +
    `"lastObservation":${JSON.stringify(store.assessment.maxObservationId())}}`;
  return createHash('sha256').update(inputs).digest('hex');
}

/** Rebuilds every segment and day from the evidence, in one transaction. */
export function rebuildAssessment(store: Store): { segments: number; days: number } {
  const model = fitModel(store);
  return store.db.transaction(() => {
    store.assessment.clear();
    const byIndicator = new Map<string, Reading[]>();
    for (const r of store.assessment.allReadings(model.assessFrom)) {
      if (!byIndicator.has(r.indicatorId)) byIndicator.set(r.indicatorId, []);
      byIndicator.get(r.indicatorId)!.push(r);
    }
    const segments: VoteSegment[] = [];
    for (const id of model.indicatorIds) {
      const made = voteSegments(id, [], byIndicator.get(id) ?? [], model);
      store.assessment.replaceSegments(id, model.assessFrom, made);
      segments.push(...made);
    }
    const { first, last } = store.assessment.segmentSpan();
    const days = first && last ? sweepDays(first, last, [], segments, model) : [];
    store.assessment.replaceDays('0000-01-01', days, first);
    store.meta.set(FINGERPRINT_KEY, fingerprint(store, model));
    return { segments: segments.length, days: days.length };
  })();
}

/** At start: rebuild when the sync changed the catalogue, or the materialisation is missing or stale. */
export function ensureAssessment(store: Store, catalogueChanged: boolean): boolean {
  if (!catalogueChanged && store.meta.get(FINGERPRINT_KEY) === fingerprint(store, fitModel(store))) return false;
  rebuildAssessment(store);
  return true;
}

/**
 * After a write: `changes` maps each touched indicator to the earliest date its evidence changed
 * (a correction: the earlier of the two dates). Only those indicators' segments from that date
 * on, and the days from the earliest of them on, are computed again. Call inside the write's
 * transaction.
 */
export function refreshAssessment(store: Store, changes: ReadonlyMap<string, string>): void {
  if (changes.size === 0) return;
  const model = fitModel(store);
  // Days after the last segment were never stored (they only decay); a later segment needs them.
  const lastBefore = store.assessment.segmentSpan().last;
  let earliest: string | null = null;
  // What was just computed is kept to sweep with, rather than read back (an import can redo years).
  const computed = new Map<string, VoteSegment[]>();
  const computedFrom = new Map<string, string>();
  for (const [id, date] of changes) {
    if (!model.bands[id]) continue;
    const from = date < model.assessFrom ? model.assessFrom : date;
    const before = store.assessment.segmentBefore(id, from)?.readings ?? [];
    const made = voteSegments(id, before, store.assessment.readingsOf(id, from), model);
    store.assessment.replaceSegments(id, from, made);
    computed.set(id, made);
    computedFrom.set(id, from);
    if (!earliest || from < earliest) earliest = from;
  }
  if (earliest) {
    const { first, last } = store.assessment.segmentSpan();
    const gap = lastBefore ? addDays(lastBefore, 1) : earliest;
    const from = gap < earliest ? gap : earliest;
    const start = first && first > from ? first : from;
    const active = store.assessment.segmentsAt(model.indicatorIds, addDays(start, -1)).filter((s) => s !== undefined);
    const upcoming = () => [
      ...store.assessment.segmentsFromExcept(start, computedFrom),
      ...[...computed.values()].flat().filter((s) => s.from >= start)
    ];
    const days = first && last && start <= last ? sweepDays(start, last, active, upcoming(), model) : [];
    store.assessment.replaceDays(start, days, first);
  }
  store.meta.set(FINGERPRINT_KEY, fingerprint(store, model));
}
