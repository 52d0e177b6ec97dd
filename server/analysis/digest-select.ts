// What the digest picks to show: the few observations that matter most, staleness counted per family.
import type { BandRange } from './bands.js';
import { levelDistribution } from './likelihood.js';

/**
 * How far one reading at `level` can move the odds between the scenarios: the gap in log-likelihood
 * between the scenario it favours most and the one it favours least (0 when the indicator has no
 * bands, so it does not vote). The same measure ranks the drivers of "what moved".
 */
export function separation(bands: readonly BandRange[] | undefined, level: number): number {
  if (!bands || bands.length === 0) return 0;
  const logs = bands.map((band) => Math.log(levelDistribution(band)[level - 1]));
  return Math.max(...logs) - Math.min(...logs);
}

export interface Rankable {
  id: number;
  observedAt: string;
  /** Grade weight (reliability × credibility), in (0, 1]. */
  weight: number;
  separation: number;
}

/** Importance: grade weight × separation; ties go to the better-graded, then the newer observation. */
export function byImportance(a: Rankable, b: Rankable): number {
  return (
    b.weight * b.separation - a.weight * a.separation ||
    b.weight - a.weight ||
    b.observedAt.localeCompare(a.observedAt) ||
    b.id - a.id
  );
}

/** The `limit` observations that matter most, and the rest. */
export function pickObservations<T extends Rankable>(list: readonly T[], limit: number): { shown: T[]; rest: T[] } {
  const ranked = [...list].sort(byImportance);
  return { shown: ranked.slice(0, limit), rest: ranked.slice(limit) };
}

/** Stale indicators counted per family, in the order the families are given; families with none left out. */
export function staleByFamily<F extends { id: string }>(
  families: readonly F[],
  indicators: readonly { familyId: string; stale: boolean }[]
): { family: F; stale: number; of: number }[] {
  return families.flatMap((family) => {
    const members = indicators.filter((i) => i.familyId === family.id);
    const stale = members.filter((i) => i.stale).length;
    return stale > 0 ? [{ family, stale, of: members.length }] : [];
  });
}
