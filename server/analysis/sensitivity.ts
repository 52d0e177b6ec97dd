import { scenarioFit, type FitInput } from './scenario-fit.js';

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
  const last = scenarioFit(input).at(-1)!;
  const answer = { leading: last.leading, leaderProbability: last.probabilities[last.leading] };

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
      const periods = input.periods.map((p, j) => (j === k ? { ...p, evidence } : p));
      const end = scenarioFit({ ...input, periods }).at(-1)!;
      whatIfs.push({
        indicatorId,
        shift,
        leading: end.leading,
        leaderProbability: end.probabilities[last.leading],
        changesLeader: end.leading !== last.leading
      });
    }
  }
  whatIfs.sort((a, b) => Number(b.changesLeader) - Number(a.changesLeader) || a.leaderProbability - b.leaderProbability);
  return { period: { start: input.periods[k].start, end: input.periods[k].end }, ...answer, whatIfs };
}
