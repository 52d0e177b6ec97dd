// Views of the one assessment at a date: ACH and what moved. All read the same vote segments.
import { levelDistribution } from './likelihood.js';
import { addDays, daysBetween } from './periods.js';
import { voteAt, type DayState, type FitModel, type VoteSegment } from './scenario-fit.js';

export interface AchRow {
  indicatorId: string;
  /** Mean level of the indicator's current readings, by decayed weight. */
  level: number;
  /** The vote's weight Σ ŵ (at most 1). */
  weight: number;
  /** Vote weight × distance outside each scenario's band, in scenario order. */
  inconsistency: number[];
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * ACH at a date (README, Method: The assessment): per voting indicator, Σ ŵ·distance outside each scenario's band,
 * from the segments in force at `day`; the column totals rank the scenarios (least wins).
 */
export function achTable(day: string, segments: readonly (VoteSegment | undefined)[], model: FitModel) {
  const rows: AchRow[] = [];
  for (const seg of segments) {
    if (!seg) continue;
    const vote = voteAt(seg, day, model);
    const decayed = seg.readings.map((r) => r.weight * 2 ** (-daysBetween(r.observedAt, day) / model.halfLifeDays));
    const total = decayed.reduce((a, b) => a + b, 0);
    const level = seg.readings.reduce((a, r, j) => a + r.level * decayed[j], 0) / total;
    rows.push({
      indicatorId: seg.indicatorId,
      level: r4(level),
      weight: r4(vote.weight),
      inconsistency: vote.inconsistency.map(r4)
    });
  }
  rows.sort((a, b) => Math.max(...b.inconsistency) - Math.max(...a.inconsistency) || b.weight - a.weight);
  const totals = model.scenarioIds.map((_, k) => r4(rows.reduce((a, r) => a + r.inconsistency[k], 0)));
  return { rows, totals };
}

export interface Driver {
  observationId: number;
  indicatorId: string;
  observedAt: string;
  level: number;
  weight: number;
  favours: string;
  disfavours: string;
}

export interface Movement {
  /** The seven days up to the latest day with evidence (on or before the date asked about). */
  week: { start: string; end: string };
  /** False when nothing has arrived in the seven days up to the date asked about. */
  isLatestWeek: boolean;
  changes: { scenarioId: string; before: number; after: number }[];
  drivers: Driver[];
}

/**
 * What moved, and why: the assessment at the latest day with evidence against seven days
 * earlier, with the readings dated in between that still vote, strongest first (by how far
 * each separates the scenario it favours most from the one it favours least, times its weight).
 */
export function describeMovement(p: {
  asked: string;
  end: string;
  before: DayState;
  after: DayState;
  segments: readonly (VoteSegment | undefined)[];
  model: FitModel;
}): Movement {
  const { model } = p;
  const since = addDays(p.end, -7);
  const changes = model.scenarioIds
    .map((scenarioId, k) => ({ scenarioId, before: p.before.probabilities[k], after: p.after.probabilities[k] }))
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before));
  const drivers = p.segments.flatMap((seg) =>
    (seg?.readings ?? [])
      .filter((r) => r.observedAt > since && r.observedAt <= p.end)
      .map((r) => {
        const logs = model.bands[seg!.indicatorId].map((band) => Math.log(levelDistribution(band)[r.level - 1]));
        const best = logs.indexOf(Math.max(...logs));
        const worst = logs.indexOf(Math.min(...logs));
        const spread = r.weight * (logs[best] - logs[worst]);
        return {
          driver: {
            observationId: r.observationId,
            indicatorId: seg!.indicatorId,
            observedAt: r.observedAt,
            level: r.level,
            weight: r.weight,
            favours: model.scenarioIds[best],
            disfavours: model.scenarioIds[worst]
          },
          spread
        };
      })
  );
  drivers.sort((a, b) => b.spread - a.spread);
  return {
    week: { start: addDays(p.end, -6), end: p.end },
    isLatestWeek: daysBetween(p.end, p.asked) < 7,
    changes,
    drivers: drivers.map((d) => d.driver)
  };
}
