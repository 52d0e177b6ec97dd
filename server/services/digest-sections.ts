// The digest's evidence sections, each read from the store: annotations, stale families, and the
// observations that matter most with their family's trend.
import type { BandRange } from '../analysis/bands.js';
import { familyComposite } from '../analysis/composite.js';
import type { DigestAnnotation, DigestInput } from '../analysis/digest.js';
import { pickObservations, separation, staleByFamily } from '../analysis/digest-select.js';
import { freshness } from '../analysis/freshness.js';
import { observationWeight } from '../analysis/grading.js';
import { addDays, daysBetween } from '../analysis/periods.js';
import { indicatorSeries } from '../analysis/series.js';
import type { Store } from '../db/store.js';
import type { IndicatorSummary as Indicator, Observation } from '../schemas/index.js';

/** The digest shows this many observations (the ones that matter most); the rest are a link away. */
export const OBSERVATION_LIMIT = 10;
const SPARK_MONTHS = 12;

export interface Period {
  coversFrom: string | null;
  coversTo: string;
  appUrl: string;
}

/** Annotations written in the period that still stand (a corrected one shows as its correction). */
export function digestAnnotations(
  store: Store,
  p: Period,
  indicators: Map<string, { title: string }>
): DigestAnnotation[] {
  const families = new Map(store.catalogue.listFamilies().map((f) => [f.id, f.title]));
  // Newest first: when there are more than the digest lists, the latest written are the ones shown.
  const standing = store.annotations
    .createdBetween(p.coversFrom, p.coversTo)
    .filter((a) => a.supersededBy === null && !a.retired)
    .reverse();
  const scopeTitle = (a: (typeof standing)[number]) =>
    a.scope === 'all'
      ? 'all charts'
      : a.scope === 'family'
        ? (families.get(a.familyId!) ?? a.familyId!)
        : (indicators.get(a.indicatorId!)?.title ?? a.indicatorId!);
  const link = (a: (typeof standing)[number]) =>
    a.scope === 'family'
      ? `${p.appUrl}/families/${a.familyId}`
      : a.scope === 'indicator'
        ? `${p.appUrl}/indicators/${a.indicatorId}`
        : `${p.appUrl}/scenarios`;
  return standing.map((a) => ({
    when: a.endsOn ? `${a.startsOn} to ${a.endsOn}` : a.startsOn,
    text: a.text,
    scope: scopeTitle(a),
    source: a.source,
    corrects: a.supersedes,
    link: link(a)
  }));
}

/** Indicators stale today, counted per family. */
export function staleFamilies(
  store: Store,
  indicators: Indicator[],
  appUrl: string,
  today: string
): DigestInput['stale'] {
  // Only the last observed date matters, read off the index rather than every observation.
  const statuses = indicators
    .filter((i) => !i.retired)
    .map((i) => {
      const last = store.observations.lastObservedAt(i.id);
      return {
        familyId: i.family.id,
        stale: freshness(last ? Math.max(0, daysBetween(last, today)) : null, i.cadenceDays) === 'stale'
      };
    });
  return staleByFamily(store.catalogue.listFamilies(), statuses).map(({ family, stale, of }) => ({
    title: family.title,
    link: `${appUrl}/families/${family.id}`,
    stale,
    of
  }));
}

/** The observations recorded in the period that matter most, grouped by family with the family's trend. */
export function observationSections(
  store: Store,
  byId: Map<string, Indicator>,
  bands: Record<string, BandRange[]>,
  p: Period,
  today: string
): Pick<DigestInput, 'families' | 'observationCount'> {
  const recorded = store.observations.recordedBetween(p.coversFrom, p.coversTo);
  const ranked = recorded.map((o) => ({
    ...o,
    weight: observationWeight(o.reliability, o.credibility),
    separation: separation(bands[o.indicatorId], o.level)
  }));
  const { shown } = pickObservations(ranked, OBSERVATION_LIMIT);
  const familyOf = (o: Observation) => byId.get(o.indicatorId)?.family.id;
  const byIndicatorThenDate = (a: Observation, b: Observation) =>
    a.indicatorId.localeCompare(b.indicatorId) || a.observedAt.localeCompare(b.observedAt);
  return {
    observationCount: recorded.length,
    families: store.catalogue.listFamilies().flatMap((f) => {
      const mine = shown.filter((o) => familyOf(o) === f.id).sort(byIndicatorThenDate);
      if (mine.length === 0) return [];
      const observations = mine.map((o) => digestObservation(o, byId.get(o.indicatorId), p.appUrl));
      return [
        { title: f.title, link: `${p.appUrl}/families/${f.id}`, spark: familySpark(store, f, today), observations }
      ];
    })
  };
}

/** The family's composite over the last months, from month sums (one weighted reading per observed month). */
function familySpark(store: Store, f: { id: string; title: string }, today: string) {
  const members = store.catalogue.listIndicators().filter((i) => i.family.id === f.id && !i.retired);
  const from = addDays(today, -31 * SPARK_MONTHS);
  const monthly = (id: string) =>
    store.observations
      .monthlyReadings(id)
      .map((m) => ({ observedAt: m.at, level: m.reading, weight: m.weight, quantity: null }));
  const composite = familyComposite(
    members.map((i) =>
      indicatorSeries({ readings: monthly(i.id), period: 'month', from, to: today, cadenceDays: i.cadenceDays })
    )
  ).slice(-SPARK_MONTHS);
  return {
    cid: `spark-${f.id}@watchfloor`,
    label: `trend, last ${SPARK_MONTHS} months`,
    values: composite.map((c) => c.reading)
  };
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
