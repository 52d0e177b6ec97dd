import type { BandRange } from './bands.js';
import { bandDistance } from './likelihood.js';
import type { FitPoint } from './scenario-fit.js';

export interface AchRow {
  indicatorId: string;
  level: number;
  weight: number;
  inconsistency: number[];
}

/**
 * The ACH view of one period (METHOD §4): per indicator with evidence, the weighted distance of
 * its evidence outside each scenario's band; the column totals rank the scenarios (least wins).
 */
export function achTable(point: FitPoint | undefined, scenarioIds: string[], bands: Record<string, Record<string, BandRange>>) {
  const rows = new Map<string, AchRow>();
  for (const c of point?.contributions ?? []) {
    const row = rows.get(c.indicatorId) ?? { indicatorId: c.indicatorId, level: 0, weight: 0, inconsistency: scenarioIds.map(() => 0) };
    row.level = (row.level * row.weight + c.level * c.weight) / (row.weight + c.weight);
    row.weight += c.weight;
    scenarioIds.forEach((s, k) => (row.inconsistency[k] += c.weight * bandDistance(c.level, bands[c.indicatorId][s])));
    rows.set(c.indicatorId, row);
  }
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const list = [...rows.values()]
    .map((r) => ({ ...r, level: r4(r.level), weight: r4(r.weight), inconsistency: r.inconsistency.map(r4) }))
    .sort((a, b) => Math.max(...b.inconsistency) - Math.max(...a.inconsistency));
  const totals = scenarioIds.map((_, k) => r4(list.reduce((a, r) => a + r.inconsistency[k], 0)));
  return { rows: list, totals };
}

export interface Movement {
  week: { start: string; end: string };
  isLatestWeek: boolean;
  changes: { scenarioId: string; before: number; after: number }[];
  drivers: { observationId: number | null; indicatorId: string; level: number; weight: number; favours: string; disfavours: string }[];
}

/**
 * What moved, and why: the latest week that held evidence against the week before it, with the
 * observations behind the move, strongest first (by how far each separates the scenario it
 * favours most from the one it favours least).
 */
export function describeMovement(weekly: FitPoint[]): Movement | null {
  const k = weekly.findLastIndex((p) => p.evidence > 0);
  if (k < 0) return null;
  const now = weekly[k];
  const before = k > 0 ? weekly[k - 1].probabilities : null;
  const changes = Object.entries(now.probabilities)
    .map(([scenarioId, after]) => ({ scenarioId, before: before?.[scenarioId] ?? after, after }))
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before));
  const drivers = now.contributions
    .map((c) => {
      const ranked = Object.entries(c.logLikelihood).sort((a, b) => b[1] - a[1]);
      return {
        observationId: c.observationId ?? null, indicatorId: c.indicatorId, level: c.level, weight: c.weight,
        favours: ranked[0][0], disfavours: ranked.at(-1)![0], spread: ranked[0][1] - ranked.at(-1)![1]
      };
    })
    .sort((a, b) => b.spread - a.spread)
    .map(({ spread: _spread, ...d }) => d);
  return { week: { start: now.start, end: now.end }, isLatestWeek: k === weekly.length - 1, changes, drivers };
}
