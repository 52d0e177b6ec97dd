import {
  leaderOf,
  probabilitiesOf,
  segmentOf,
  stateAt,
  voteAt,
  type FitModel,
  type VoteSegment
} from './scenario-fit.js';

export interface WhatIf {
  indicatorId: string;
  /** +1 or −1: the indicator's current readings read one level higher or lower. */
  shift: number;
  /** The scenario leading under that shift. */
  leading: string;
  /** The current leader's probability under that shift. */
  leaderProbability: number;
  changesLeader: boolean;
}

export interface Sensitivity {
  at: string;
  leading: string;
  leaderProbability: number;
  /** Every one-level shift: those that change the leader first, then by what they cost the leader. */
  whatIfs: WhatIf[];
}

/**
 * Sensitivity at a date (README, Method: The assessment): each voting indicator's current readings moved one level
 * up or down (within 1–5), its vote recomputed and the assessment recomputed from the unrounded
 * state, so every figure is finite. Names the moves that change the leader.
 */
export function sensitivity(day: string, segments: readonly (VoteSegment | undefined)[], model: FitModel): Sensitivity {
  const base = stateAt(day, segments, model).probabilities;
  const leader = leaderOf(base);
  const whatIfs: WhatIf[] = [];
  // Each what-if moves one vote: the others are computed once, not once per what-if.
  const votes = segments.map((seg) => seg && voteAt(seg, day, model));
  segments.forEach((seg, i) => {
    if (!seg) return;
    for (const shift of [-1, 1]) {
      const readings = seg.readings.map((r) => ({ ...r, level: Math.min(5, Math.max(1, r.level + shift)) }));
      if (readings.every((r, j) => r.level === seg.readings[j].level)) continue;
      const moved = [...votes];
      moved[i] = voteAt(segmentOf(seg.indicatorId, seg.from, readings, model), day, model);
      const p = probabilitiesOf(moved, model);
      const leading = model.scenarioIds[leaderOf(p)];
      whatIfs.push({
        indicatorId: seg.indicatorId,
        shift,
        leading,
        leaderProbability: p[leader],
        changesLeader: leaderOf(p) !== leader
      });
    }
  });
  whatIfs.sort(
    (a, b) => Number(b.changesLeader) - Number(a.changesLeader) || a.leaderProbability - b.leaderProbability
  );
  return { at: day, leading: model.scenarioIds[leader], leaderProbability: base[leader], whatIfs };
}
