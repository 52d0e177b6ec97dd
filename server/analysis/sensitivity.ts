import { scenarioFit, updateBelief, type FitInput } from './scenario-fit.js';

export interface WhatIf {
  indicatorId: string;
  /** +1 or −1: the indicator's observations in the period read one level higher or lower. */
  shift: number;
  /** The scenario leading at the end of the window under that shift. */
  leading: string;
  /** The current leader's probability under that shift. */
  leaderProbability: number;
  changesLeader: boolean;
}

export interface Sensitivity {
  /** The latest period that holds evidence; null when none does. */
  period: { start: string; end: string } | null;
  leading: string | null;
  leaderProbability: number | null;
  /** Every one-level shift: those that change the leader first, then by what they cost the leader. */
  whatIfs: WhatIf[];
}

/**
 * For the latest period with evidence: which single indicator, read one level higher or lower
 * (within 1–5), would change the scenario leading in that period. Later periods without evidence
 * only fade toward the priors, so the question is asked where the evidence last spoke.
 */
export function sensitivity(full: FitInput): Sensitivity {
  const k = full.periods.findLastIndex((p) => p.evidence.length > 0);
  if (k < 0) return { period: null, leading: null, leaderProbability: null, whatIfs: [] };
  const input = { ...full, periods: full.periods.slice(0, k + 1) };
  const fit = scenarioFit(input);
  const last = fit.at(-1)!;
  const answer = { leading: last.leading, leaderProbability: last.probabilities[last.leading] };
  // Only period k's evidence changes, so each alternative is one update from the belief before it.
  const ids = full.scenarios.map((x) => x.id);
  const priorSum = full.scenarios.reduce((a, x) => a + x.prior, 0);
  const before = k > 0 ? ids.map((id) => fit[k - 1].probabilities[id]) : full.scenarios.map((x) => x.prior / priorSum);

  const whatIfs: WhatIf[] = [];
  const indicatorIds = [...new Set(input.periods[k].evidence.map((e) => e.indicatorId))];
  for (const indicatorId of indicatorIds) {
    for (const shift of [-1, 1]) {
      let moved = false;
      const evidence = input.periods[k].evidence.map((e) => {
        if (e.indicatorId !== indicatorId) return e;
        const level = Math.min(5, Math.max(1, e.level + shift));
        moved ||= level !== e.level;
        return { ...e, level };
      });
      if (!moved) continue;
      const p = updateBelief(before, full, evidence).probabilities;
      const leading = ids[p.indexOf(Math.max(...p))];
      const leaderProbability = Math.round(p[ids.indexOf(last.leading)] * 1e6) / 1e6;
      whatIfs.push({ indicatorId, shift, leading, leaderProbability, changesLeader: leading !== last.leading });
    }
  }
  whatIfs.sort((a, b) => Number(b.changesLeader) - Number(a.changesLeader) || a.leaderProbability - b.leaderProbability);
  return { period: { start: input.periods[k].start, end: input.periods[k].end }, ...answer, whatIfs };
}
