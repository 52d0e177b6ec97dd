// The scenario views, all read from the one assessment at the dates they show (README, Method: The assessment).
import { achTable, describeMovement } from '../analysis/assessment.js';
import { analyticConfidence } from '../analysis/confidence.js';
import { icd203Words } from '../analysis/icd203.js';
import { addDays, periodsBetween } from '../analysis/periods.js';
import { leaderOf, type DayState, type FitModel } from '../analysis/scenario-fit.js';
import { sensitivity } from '../analysis/sensitivity.js';
import type { Store } from '../db/store.js';
import type { AssessmentAt, FitPoint, ScenarioFit, ScenarioPicture } from '../schemas/index.js';
import {
  fitModel,
  queryWindow,
  segmentReader,
  segmentsAt,
  stateOn,
  statesOn,
  type SegmentReader,
  type Window
} from './assessment.js';

/** A day's state as shown: probabilities with ICD 203 words, the leader, analytic confidence. */
export function presentState(state: DayState, model: FitModel): AssessmentAt {
  return {
    at: state.day,
    leading: model.scenarioIds[leaderOf(state.probabilities)],
    scenarios: model.scenarioIds.map((scenarioId, k) => ({
      scenarioId,
      probability: state.probabilities[k],
      words: icd203Words(state.probabilities[k])
    })),
    confidence: analyticConfidence(state, model.indicatorIds.length)
  };
}

/** The assessment at `day`, ready to show. */
export function assessmentAt(store: Store, day: string, model = fitModel(store)): AssessmentAt {
  return presentState(stateOn(store, model, day), model);
}

/** The first date a default range starts at: the first active reading that votes, else the first at all. */
export function assessmentFirstDate(store: Store, model: FitModel): string | null {
  const first = store.observations.firstDate();
  return first && first < model.assessFrom ? (store.assessment.segmentSpan().first ?? first) : first;
}

type Query = { from?: string; to?: string; period: 'week' | 'month' | 'quarter'; at?: string };

/**
 * The assessment per period of `window`, read at each period's last day (today for the current
 * period), with the readings that voted in it: what the scenario charts draw and the export writes.
 */
export function fitPoints(
  store: Store,
  model: FitModel,
  window: Window,
  today: string,
  segments?: SegmentReader
): FitPoint[] {
  const periods = periodsBetween(window.from, window.to, window.period).map((p) => ({
    ...p,
    at: p.end < today ? p.end : today
  }));
  const states = statesOn(
    store,
    model,
    periods.map((p) => p.at),
    segments
  );
  const evidenceDays = store.assessment.evidenceDays(periods[0]?.start ?? window.from, window.to);
  // Both are in date order: one pass over the evidence days, not one per period.
  let next = 0;
  return periods.map((p) => {
    const s = states.get(p.at)!;
    while (next < evidenceDays.length && evidenceDays[next].day < p.start) next += 1;
    let evidence = 0;
    for (let i = next; i < evidenceDays.length && evidenceDays[i].day <= p.at; i++)
      evidence += evidenceDays[i].evidence;
    return {
      start: p.start,
      end: p.end,
      at: p.at,
      leading: model.scenarioIds[leaderOf(s.probabilities)],
      evidence,
      scenarios: model.scenarioIds.map((scenarioId, k) => ({
        scenarioId,
        probability: s.probabilities[k],
        words: icd203Words(s.probabilities[k]),
        inconsistency: s.inconsistency[k]
      }))
    };
  });
}

/** GET /api/scenarios/fit: the points per period, and ACH, movement, sensitivity and confidence at one date. */
export function scenarioFitAnswer(store: Store, today: string, query: Query): ScenarioFit {
  const model = fitModel(store);
  const window = queryWindow(assessmentFirstDate(store, model), today, query);
  const at = [query.at ?? window.to, today].sort()[0];
  const titles = new Map(store.catalogue.listIndicators().map((i) => [i.id, i.title]));
  const title = (id: string) => titles.get(id) ?? id;
  // The points, the state at `at`, ACH and movement mostly ask for the same (latest) segments: read them once.
  const reader = segmentReader(store, model);
  const segments = reader(at);
  const ach = achTable(at, segments, model);
  const sens = sensitivity(at, segments, model);
  return {
    ...window,
    scenarios: store.catalogue.listScenarios().map(({ id, title, summary, prior }) => ({ id, title, summary, prior })),
    points: fitPoints(store, model, window, today, reader),
    assessment: presentState(stateOn(store, model, at, reader), model),
    ach: { at, rows: ach.rows.map((r) => ({ ...r, indicatorTitle: title(r.indicatorId) })), totals: ach.totals },
    movement: movementAt(store, model, at, title, reader),
    sensitivity: { ...sens, whatIfs: sens.whatIfs.map((w) => ({ ...w, indicatorTitle: title(w.indicatorId) })) }
  };
}

/** What moved in the seven days up to the latest day with evidence on or before `at`. */
export function movementAt(
  store: Store,
  model: FitModel,
  at: string,
  title: (id: string) => string,
  segments: SegmentReader = (day) => segmentsAt(store, model, day)
): ScenarioFit['movement'] {
  const end = store.assessment.lastEvidenceDay(at);
  if (!end) return null;
  const states = statesOn(store, model, [end, addDays(end, -7)], segments);
  const m = describeMovement({
    asked: at,
    end,
    before: states.get(addDays(end, -7))!,
    after: states.get(end)!,
    segments: segments(end),
    model
  });
  return { ...m, drivers: m.drivers.map((d) => ({ ...d, indicatorTitle: title(d.indicatorId) })) };
}

/** The overview's scenario picture: now, the change over 7 and 30 days, confidence, open warnings. */
export function scenarioPicture(store: Store, today: string): ScenarioPicture {
  const model = fitModel(store);
  const [weekAgo, monthAgo] = [addDays(today, -7), addDays(today, -30)];
  const states = statesOn(store, model, [today, weekAgo, monthAgo]);
  const now = presentState(states.get(today)!, model);
  const titles = new Map(store.catalogue.listScenarios().map((s) => [s.id, s.title]));
  const open = store.warnings.openCounts();
  return {
    at: today,
    leading: now.leading,
    confidence: now.confidence,
    scenarios: now.scenarios.map((s, k) => ({
      id: s.scenarioId,
      title: titles.get(s.scenarioId) ?? s.scenarioId,
      probability: s.probability,
      words: s.words,
      change7: s.probability - states.get(weekAgo)!.probabilities[k],
      change30: s.probability - states.get(monthAgo)!.probabilities[k]
    })),
    openWarnings: { tripwire: 0, recovery: 0, novelty: 0, staleness: 0, shift: 0, ...open }
  };
}
