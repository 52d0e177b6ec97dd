// Gathers everything the digest reports for a period from the store: the pure composer's input.
import { familyComposite } from '../analysis/composite.js';
import type { DigestInput, DigestWarning } from '../analysis/digest.js';
import { addDays } from '../analysis/periods.js';
import { indicatorSeries } from '../analysis/series.js';
import type { Store } from '../db/store.js';
import type { AssessmentAt, Warning } from '../schemas/index.js';
import { fitModel } from './assessment.js';
import { indicatorStatuses } from './indicator-statuses.js';
import { assessmentAt } from './scenario-picture.js';

/** A digest lists this many warnings of a kind; the rest are a link away. */
export const WARNING_LIST_LIMIT = 25;
const SPARK_MONTHS = 12;

export function digestInput(store: Store, p: { coversFrom: string | null; coversTo: string; appUrl: string }): DigestInput {
  const today = p.coversTo.slice(0, 10);
  const scenarios = store.catalogue.listScenarios();
  // The same assessment as every page: the state today and seven days ago.
  const model = fitModel(store);
  const current = assessmentAt(store, today, model);
  const asOf = (a: AssessmentAt) =>
    scenarios.map((s) => {
      const r = a.scenarios.find((x) => x.scenarioId === s.id)!;
      return { id: s.id, title: s.title, probability: r.probability, words: r.words };
    });
  const indicators = store.catalogue.listIndicators();
  const byId = new Map(indicators.map((i) => [i.id, i]));

  const warningLink = (w: Warning) =>
    w.indicatorId ? `${p.appUrl}/indicators/${w.indicatorId}?from=${addDays(w.at, -365)}&to=${addDays(w.at, 90)}` : `${p.appUrl}/scenarios`;
  const capped = (list: Warning[]): DigestWarning[] => {
    const shown = list.slice(0, WARNING_LIST_LIMIT).map((w) => ({ kind: w.kind, at: w.at, cause: w.cause, link: warningLink(w) }));
    const more = list.length - shown.length;
    return more > 0 ? [...shown, { kind: 'more', at: today, cause: `and ${more} more`, link: `${p.appUrl}/warnings` }] : shown;
  };
  const detected = store.warnings.detectedBetween(p.coversFrom, p.coversTo);
  const fired = detected.filter((w) => w.kind !== 'recovery');
  const recovered = [...detected.filter((w) => w.kind === 'recovery'), ...store.warnings.resolvedBetween(p.coversFrom, p.coversTo)];

  const recorded = store.observations.recordedBetween(p.coversFrom, p.coversTo);
  const families = store.catalogue.listFamilies().flatMap((f) => {
    const observations = recorded.filter((o) => byId.get(o.indicatorId)?.family.id === f.id);
    if (observations.length === 0) return [];
    const members = indicators.filter((i) => i.family.id === f.id && !i.retired);
    const from = addDays(today, -31 * SPARK_MONTHS);
    const composite = familyComposite(
      members.map((i) => indicatorSeries({ readings: store.observations.activeReadings(i.id), period: 'month', from, to: today, cadenceDays: i.cadenceDays }))
    ).slice(-SPARK_MONTHS);
    return [{
      title: f.title,
      link: `${p.appUrl}/families/${f.id}`,
      spark: { cid: `spark-${f.id}@watchfloor`, label: `${f.title}: composite, last ${SPARK_MONTHS} months`, values: composite.map((c) => c.reading) },
      observations: observations.map((o) => ({
        indicatorTitle: byId.get(o.indicatorId)?.title ?? o.indicatorId,
        observedAt: o.observedAt,
        level: o.level,
        words: byId.get(o.indicatorId)?.levels[o.level - 1] ?? '',
        grade: `${o.reliability}${o.credibility}`,
        source: o.source.title,
        rationale: o.rationale,
        recordedBy: o.recordedBy?.displayName ?? null,
        supersedes: o.supersedes,
        link: `${p.appUrl}/indicators/${o.indicatorId}`
      }))
    }];
  });

  const statuses = indicatorStatuses(store, today, indicators);
  const stale = indicators.flatMap((i) => {
    if (i.retired) return [];
    const status = statuses.get(i.id)!;
    return status.freshness === 'stale' ? [{ title: i.title, lastObservedAt: status.latest!.observedAt, cadenceDays: i.cadenceDays, link: `${p.appUrl}/indicators/${i.id}` }] : [];
  });

  return {
    topicTitle: store.catalogue.topic()?.title ?? 'Watchfloor',
    appUrl: p.appUrl,
    coversFrom: p.coversFrom,
    coversTo: p.coversTo,
    assessedAt: today,
    now: asOf(current),
    weekAgo: asOf(assessmentAt(store, addDays(today, -7), model)),
    confidence: current.confidence,
    fired: capped(fired),
    recovered: capped(recovered),
    counts: { fired: fired.length, recovered: recovered.length },
    families,
    stale
  };
}
