// A printable briefing for a date range, composed from the views that already exist: the one
// assessment (scenario-picture), the indicator series, annotations, warnings and observations.
import { briefingPeriod, defaultBriefingFrom, keyIndicators, readingMove } from '../analysis/briefing-select.js';
import { diagnosticity } from '../analysis/diagnosticity.js';
import { indicatorSeries } from '../analysis/series.js';
import type { Store } from '../db/store.js';
import type { Annotation, Briefing, BriefingIndicator, BriefingQuery, Warning } from '../schemas/index.js';
import { fitModel, queryWindow, statesOn } from './assessment.js';
import { fitPoints, presentState } from './scenario-picture.js';

const KEY_INDICATORS = 6;
const OBSERVATIONS_PER_INDICATOR = 8;
const WARNINGS_SHOWN = 40;
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

const touches = (from: string, to: string) => (a: Annotation) => a.startsOn <= to && (a.endsOn ?? a.startsOn) >= from;

/** Each current indicator's diagnosticity, by id (0 for one without bands). */
function diagnosticityById(store: Store): Map<string, number> {
  const matrix = store.catalogue.bandMatrix();
  const result = diagnosticity({
    scenarioIds: matrix.scenarios.map((s) => s.id),
    indicators: matrix.rows.map((r) => ({ id: r.indicatorId, bands: r.bands }))
  });
  return new Map(result.indicators.map((r) => [r.indicatorId, r.diagnosticity]));
}

/** The indicators whose readings moved most over the window, each with its chart's notes and its evidence. */
function briefingIndicators(
  store: Store,
  window: { from: string; to: string; period: Briefing['period'] }
): BriefingIndicator[] {
  const scores = diagnosticityById(store);
  const candidates = store.catalogue
    .listIndicators()
    .filter((i) => !i.retired)
    .map((i) => {
      const points = indicatorSeries({
        readings: store.observations.activeReadings(i.id),
        ...window,
        cadenceDays: i.cadenceDays
      });
      return { id: i.id, indicator: i, points, diagnosticity: scores.get(i.id) ?? 0, ...readingMove(points) };
    });
  return keyIndicators(candidates, KEY_INDICATORS).map(
    ({ indicator: i, points, first, last, change, observations, diagnosticity }) => {
      const evidence = store.exports
        .observations({ indicatorId: i.id, from: window.from, to: window.to, includeSuperseded: false })
        .reverse();
      const annotations = store.annotations.list({
        families: [i.family.id],
        indicators: [i.id],
        includeInactive: false
      });
      return {
        id: i.id,
        title: i.title,
        family: { id: i.family.id, title: i.family.title },
        first,
        last,
        change,
        diagnosticity,
        observationCount: observations,
        points,
        annotations: annotations.filter(touches(window.from, window.to)),
        observations: evidence.slice(0, OBSERVATIONS_PER_INDICATOR),
        moreObservations: Math.max(0, evidence.length - OBSERVATIONS_PER_INDICATOR)
      };
    }
  );
}

const bySeverity = (a: Warning, b: Warning) =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.at.localeCompare(a.at) || a.id - b.id;

/** GET /api/briefing: the scenario picture and how it moved, key indicators, open warnings, the evidence. */
export function briefing(store: Store, now: Date, q: BriefingQuery): Briefing {
  const today = now.toISOString().slice(0, 10);
  const to = q.to ?? [today, q.from ?? today].sort().at(-1)!;
  const from = q.from ?? defaultBriefingFrom(to);
  const window = queryWindow(null, today, { from, to, period: briefingPeriod(from, to) });
  const model = fitModel(store);
  // The assessment is read at most up to today: later days only decay.
  const [startDay, endDay] = [window.from, window.to].map((d) => (d < today ? d : today));
  const states = statesOn(store, model, [startDay, endDay]);
  const topic = store.catalogue.topic();
  const warnings = store.warnings.list({ state: 'open' }).sort(bySeverity);
  return {
    ...window,
    generatedAt: now.toISOString(),
    topic: { id: topic?.id ?? '', title: topic?.title ?? 'Watchfloor' },
    scenarios: store.catalogue.listScenarios().map(({ id, title }) => ({ id, title })),
    start: presentState(states.get(startDay)!, model),
    end: presentState(states.get(endDay)!, model),
    points: fitPoints(store, model, window, today),
    annotations: store.annotations
      .list({ onlyScope: 'all', includeInactive: false })
      .filter(touches(window.from, window.to)),
    indicators: briefingIndicators(store, window),
    warnings: warnings.slice(0, WARNINGS_SHOWN),
    moreWarnings: Math.max(0, warnings.length - WARNINGS_SHOWN)
  };
}
