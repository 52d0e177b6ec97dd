// Every indicator's status (latest reading, freshness, sparkline) for the overview and the digest.
import { indicatorStatusFromMonths, sparkFrom, type IndicatorStatus } from '../analysis/indicator-status.js';
import { periodOf } from '../analysis/periods.js';
import type { Store } from '../db/store.js';
import type { IndicatorSummary } from '../schemas/index.js';

/**
 * Status of every catalogue indicator on `today`, from two set-based statements whatever the
 * number of indicators: their ends, then the observed months inside each sparkline window.
 */
export function indicatorStatuses(
  store: Store,
  today: string,
  indicators: IndicatorSummary[] = store.catalogue.listIndicators()
): Map<string, IndicatorStatus> {
  const ends = new Map(store.indicatorStatus.ends().map((e) => [e.indicatorId, e]));
  const windows = [...ends.values()].map((e) => ({
    indicatorId: e.indicatorId,
    monthFrom: periodOf(sparkFrom(e.firstAt, e.latestAt), 'month').start,
    to: e.latestAt
  }));
  const months = new Map<string, { start: string; reading: number }[]>();
  for (const m of store.indicatorStatus.months(windows)) {
    const list = months.get(m.indicatorId) ?? [];
    list.push({ start: m.start, reading: m.weightedLevels / m.weight });
    months.set(m.indicatorId, list);
  }
  return new Map(
    indicators.map((i) => [
      i.id,
      indicatorStatusFromMonths({
        ends: ends.get(i.id),
        months: months.get(i.id) ?? [],
        levels: i.levels,
        cadenceDays: i.cadenceDays,
        today
      })
    ])
  );
}
