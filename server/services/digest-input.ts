// Gathers everything the digest reports for a period from the store: the pure composer's input.
import { familyComposite } from '../analysis/composite.js';
import type { DigestAnnotation, DigestInput, DigestWarning } from '../analysis/digest.js';
import { pickObservations, separation, staleByFamily } from '../analysis/digest-select.js';
import { observationWeight } from '../analysis/grading.js';
import { freshness } from '../analysis/freshness.js';
import { addDays, daysBetween } from '../analysis/periods.js';
import { indicatorSeries } from '../analysis/series.js';
import type { Store } from '../db/store.js';
import type { AssessmentAt, IndicatorSummary as Indicator, Observation, Warning } from '../schemas/index.js';
import { fitModel } from './assessment.js';
import { assessmentAt, movementAt } from './scenario-picture.js';

/**
 * Tripwires and shifts are listed in full up to this many, newest first; the rest are a link away
 * (a usual week has a few; a first digest covering years of history would otherwise list them all).
 */
export const WARNING_LIST_LIMIT = 10;
/** The digest shows this many observations (the ones that matter most); the rest are a link away. */
export const OBSERVATION_LIMIT = 10;
/** "What moved it" names this many readings. */
export const DRIVER_LIMIT = 3;
const SPARK_MONTHS = 12;

/** Annotations written in the period that still stand (a corrected one shows as its correction). */
function digestAnnotations(store: Store, p: { coversFrom: string | null; coversTo: string; appUrl: string }, indicators: Map<string, { title: string }>): DigestAnnotation[] {
  const families = new Map(store.catalogue.listFamilies().map((f) => [f.id, f.title]));
  // Newest first: when there are more than the digest lists, the latest written are the ones shown.
  const standing = store.annotations.createdBetween(p.coversFrom, p.coversTo).filter((a) => a.supersededBy === null && !a.retired).reverse();
  return standing.map((a) => ({
    when: a.endsOn ? `${a.startsOn} to ${a.endsOn}` : a.startsOn,
    text: a.text,
    scope: a.scope === 'all' ? 'all charts' : a.scope === 'family' ? families.get(a.familyId!) ?? a.familyId! : indicators.get(a.indicatorId!)?.title ?? a.indicatorId!,
    source: a.source,
    corrects: a.supersedes,
    link: a.scope === 'family' ? `${p.appUrl}/families/${a.familyId}` : a.scope === 'indicator' ? `${p.appUrl}/indicators/${a.indicatorId}` : `${p.appUrl}/scenarios`
  }));
}

type Params = { coversFrom: string | null; coversTo: string; appUrl: string };

export function digestInput(store: Store, p: Params): DigestInput {
  const today = p.coversTo.slice(0, 10);
  const scenarios = store.catalogue.listScenarios();
  const scenarioTitle = (id: string) => scenarios.find((s) => s.id === id)?.title ?? id;
  // The same assessment as every page: the state today and seven days ago.
  const model = fitModel(store);
  const current = assessmentAt(store, today, model);
  const asOf = (a: AssessmentAt) => scenarios.map((s) => {
    const r = a.scenarios.find((x) => x.scenarioId === s.id)!;
    return { id: s.id, title: s.title, probability: r.probability, words: r.words };
  });
  const indicators = store.catalogue.listIndicators();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const title = (id: string) => byId.get(id)?.title ?? id;
  const movement = movementAt(store, model, today, title);
  const detected = store.warnings.detectedBetween(p.coversFrom, p.coversTo);
  const fired = detected.filter((w) => w.kind !== 'recovery');
  const recovered = detected.length - fired.length + store.warnings.resolvedBetween(p.coversFrom, p.coversTo).length;
  const counts: Record<string, number> = {};
  for (const w of fired) counts[w.kind] = (counts[w.kind] ?? 0) + 1;

  return {
    annotations: digestAnnotations(store, p, byId),
    topicTitle: store.catalogue.topic()?.title ?? 'Watchfloor',
    appUrl: p.appUrl,
    coversFrom: p.coversFrom,
    coversTo: p.coversTo,
    assessedAt: today,
    now: asOf(current),
    weekAgo: asOf(assessmentAt(store, addDays(today, -7), model)),
    confidence: current.confidence,
    moved: movement && {
      weekEnd: movement.week.end,
      latest: movement.isLatestWeek,
      drivers: movement.drivers.slice(0, DRIVER_LIMIT).map((d) => ({
        indicatorTitle: d.indicatorTitle, observedAt: d.observedAt, level: d.level,
        favours: scenarioTitle(d.favours), disfavours: scenarioTitle(d.disfavours), link: `${p.appUrl}/indicators/${d.indicatorId}`
      })),
      more: Math.max(0, movement.drivers.length - DRIVER_LIMIT)
    },
    alerts: alerts(fired.filter((w) => w.kind === 'tripwire' || w.kind === 'shift'), p.appUrl),
    counts: { fired: counts, recovered },
    stale: staleFamilies(store, indicators, p.appUrl, today),
    ...observationSections(store, byId, model.bands, p.appUrl, today, store.observations.recordedBetween(p.coversFrom, p.coversTo))
  };
}

function alerts(list: Warning[], appUrl: string): DigestWarning[] {
  const link = (w: Warning) => (w.indicatorId ? `${appUrl}/indicators/${w.indicatorId}` : `${appUrl}/scenarios`);
  return list.slice(0, WARNING_LIST_LIMIT).map((w) => ({ kind: w.kind, at: w.at, cause: w.cause, link: link(w) }));
}

function staleFamilies(store: Store, indicators: Indicator[], appUrl: string, today: string): DigestInput['stale'] {
  // Only the last observed date matters, read off the index rather than every observation.
  const statuses = indicators.filter((i) => !i.retired).map((i) => {
    const last = store.observations.lastObservedAt(i.id);
    return { familyId: i.family.id, stale: freshness(last ? Math.max(0, daysBetween(last, today)) : null, i.cadenceDays) === 'stale' };
  });
  return staleByFamily(store.catalogue.listFamilies(), statuses).map(({ family, stale, of }) => ({ title: family.title, link: `${appUrl}/families/${family.id}`, stale, of }));
}

function observationSections(
  store: Store, byId: Map<string, Indicator>, bands: Record<string, import('../analysis/bands.js').BandRange[]>, appUrl: string, today: string, recorded: Observation[]
): Pick<DigestInput, 'families' | 'observationCount'> {
  const ranked = recorded.map((o) => ({ ...o, weight: observationWeight(o.reliability, o.credibility), separation: separation(bands[o.indicatorId], o.level) }));
  const { shown } = pickObservations(ranked, OBSERVATION_LIMIT);
  const familyOf = (o: Observation) => byId.get(o.indicatorId)?.family.id;
  const families = store.catalogue.listFamilies();
  return {
    observationCount: recorded.length,
    families: families.flatMap((f) => {
      const mine = shown.filter((o) => familyOf(o) === f.id).sort((a, b) => a.indicatorId.localeCompare(b.indicatorId) || a.observedAt.localeCompare(b.observedAt));
      if (mine.length === 0) return [];
      return [{ title: f.title, link: `${appUrl}/families/${f.id}`, spark: familySpark(store, f, today), observations: mine.map((o) => digestObservation(o, byId.get(o.indicatorId), appUrl)) }];
    })
  };
}

/** The family's composite over the last months, from month sums (one weighted reading per observed month). */
function familySpark(store: Store, f: { id: string; title: string }, today: string) {
  const members = store.catalogue.listIndicators().filter((i) => i.family.id === f.id && !i.retired);
  const from = addDays(today, -31 * SPARK_MONTHS);
  const monthly = (id: string) => store.observations.monthlyReadings(id).map((m) => ({ observedAt: m.at, level: m.reading, weight: m.weight, quantity: null }));
  const composite = familyComposite(
    members.map((i) => indicatorSeries({ readings: monthly(i.id), period: 'month', from, to: today, cadenceDays: i.cadenceDays }))
  ).slice(-SPARK_MONTHS);
  return { cid: `spark-${f.id}@watchfloor`, label: `trend, last ${SPARK_MONTHS} months`, values: composite.map((c) => c.reading) };
}

function digestObservation(o: Observation, indicator: Indicator | undefined, appUrl: string) {
  return {
    indicatorTitle: indicator?.title ?? o.indicatorId,
    observedAt: o.observedAt,
    level: o.level,
    words: indicator?.levels[o.level - 1] ?? '',
    grade: `${o.reliability}${o.credibility}`,
    source: o.source.title,
    rationale: o.rationale,
    recordedBy: o.recordedBy?.displayName ?? null,
    supersedes: o.supersedes,
    link: `${appUrl}/indicators/${o.indicatorId}`
  };
}
