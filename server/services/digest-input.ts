// Gathers everything the digest reports for a period from the store: the pure composer's input.
import type { DigestInput, DigestWarning } from '../analysis/digest.js';
import type { FitModel } from '../analysis/scenario-fit.js';
import { addDays } from '../analysis/periods.js';
import type { Store } from '../db/store.js';
import type { AssessmentAt, IndicatorSummary as Indicator, Warning } from '../schemas/index.js';
import { fitModel } from './assessment.js';
import { digestAnnotations, observationSections, staleFamilies, type Period } from './digest-sections.js';
import { assessmentAt, movementAt } from './scenario-picture.js';

export { OBSERVATION_LIMIT } from './digest-sections.js';

/**
 * Tripwires and shifts are listed in full up to this many, newest first; the rest are a link away
 * (a usual week has a few; a first digest covering years of history would otherwise list them all).
 */
export const WARNING_LIST_LIMIT = 10;
/** "What moved it" names this many readings. */
export const DRIVER_LIMIT = 3;

export function digestInput(store: Store, p: Period): DigestInput {
  const today = p.coversTo.slice(0, 10);
  const indicators = store.catalogue.listIndicators();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  // The same assessment as every page.
  const model = fitModel(store);
  return {
    topicTitle: store.catalogue.topic()?.title ?? 'Watchfloor',
    appUrl: p.appUrl,
    coversFrom: p.coversFrom,
    coversTo: p.coversTo,
    assessedAt: today,
    ...scenariosNowAndWeekAgo(store, model, today),
    moved: whatMoved(store, model, today, byId, p.appUrl),
    ...warningSections(store, p),
    stale: staleFamilies(store, indicators, p.appUrl, today),
    ...observationSections(store, byId, model.bands, p, today),
    annotations: digestAnnotations(store, p, byId)
  };
}

/** The scenario picture today and seven days ago, with today's analytic confidence. */
function scenariosNowAndWeekAgo(
  store: Store,
  model: FitModel,
  today: string
): Pick<DigestInput, 'now' | 'weekAgo' | 'confidence'> {
  const scenarios = store.catalogue.listScenarios();
  const asOf = (a: AssessmentAt) =>
    scenarios.map((s) => {
      const r = a.scenarios.find((x) => x.scenarioId === s.id)!;
      return { id: s.id, title: s.title, probability: r.probability, words: r.words };
    });
  const current = assessmentAt(store, today, model);
  return {
    now: asOf(current),
    weekAgo: asOf(assessmentAt(store, addDays(today, -7), model)),
    confidence: current.confidence
  };
}

/** The readings that moved the picture most in the latest week with evidence. */
function whatMoved(
  store: Store,
  model: FitModel,
  today: string,
  byId: Map<string, Indicator>,
  appUrl: string
): DigestInput['moved'] {
  const scenarios = store.catalogue.listScenarios();
  const scenarioTitle = (id: string) => scenarios.find((s) => s.id === id)?.title ?? id;
  const movement = movementAt(store, model, today, (id) => byId.get(id)?.title ?? id);
  if (!movement) return null;
  const drivers = movement.drivers.slice(0, DRIVER_LIMIT).map((d) => ({
    indicatorTitle: d.indicatorTitle,
    observedAt: d.observedAt,
    level: d.level,
    favours: scenarioTitle(d.favours),
    disfavours: scenarioTitle(d.disfavours),
    link: `${appUrl}/indicators/${d.indicatorId}`
  }));
  return {
    weekEnd: movement.week.end,
    latest: movement.isLatestWeek,
    drivers,
    more: Math.max(0, movement.drivers.length - DRIVER_LIMIT)
  };
}

/** Warnings detected in the period: tripwires and shifts in full (up to a limit), every kind counted. */
function warningSections(store: Store, p: Period): Pick<DigestInput, 'alerts' | 'counts'> {
  const detected = store.warnings.detectedBetween(p.coversFrom, p.coversTo);
  const fired = detected.filter((w) => w.kind !== 'recovery');
  const recovered = detected.length - fired.length + store.warnings.resolvedBetween(p.coversFrom, p.coversTo).length;
  const counts: Record<string, number> = {};
  for (const w of fired) counts[w.kind] = (counts[w.kind] ?? 0) + 1;
  const link = (w: Warning) => (w.indicatorId ? `${p.appUrl}/indicators/${w.indicatorId}` : `${p.appUrl}/scenarios`);
  const alerts: DigestWarning[] = fired
    .filter((w) => w.kind === 'tripwire' || w.kind === 'shift')
    .slice(0, WARNING_LIST_LIMIT)
    .map((w) => ({ kind: w.kind, at: w.at, cause: w.cause, link: link(w) }));
  return { alerts, counts: { fired: counts, recovered } };
}
