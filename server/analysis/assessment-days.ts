// Materialising the assessment: one DayState per day, by a sweep over the vote segments.
import { addDays } from './periods.js';
import { stateAt, type DayState, type FitModel, type VoteSegment } from './scenario-fit.js';

export interface StoredDay extends DayState {
  /** How many indicators received a reading that day (0: the day only decays). */
  evidence: number;
}

/**
 * Every day from `start` to `end`: `active` holds each indicator's segment in force the day
 * before `start`; `upcoming` the segments starting on or after `start`, in any order. A rebuild
 * and an incremental update both come through here, so they agree exactly.
 */
export function sweepDays(
  start: string,
  end: string,
  active: readonly VoteSegment[],
  upcoming: readonly VoteSegment[],
  model: FitModel
): StoredDay[] {
  const slot = new Map(model.indicatorIds.map((id, i) => [id, i]));
  const current: (VoteSegment | undefined)[] = model.indicatorIds.map(() => undefined);
  for (const seg of active) if (slot.has(seg.indicatorId)) current[slot.get(seg.indicatorId)!] = seg;
  const byDay = new Map<string, VoteSegment[]>();
  for (const seg of upcoming) {
    if (!slot.has(seg.indicatorId)) continue;
    byDay.set(seg.from, [...(byDay.get(seg.from) ?? []), seg]);
  }
  const days: StoredDay[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    const starting = byDay.get(day) ?? [];
    for (const seg of starting) current[slot.get(seg.indicatorId)!] = seg;
    days.push({ ...stateAt(day, current, model), evidence: starting.length });
  }
  return days;
}

/** The segments in `model.indicatorIds` order, one slot per indicator (undefined: no vote yet). */
export function slotted(segments: readonly VoteSegment[], model: FitModel): (VoteSegment | undefined)[] {
  const byId = new Map(segments.map((s) => [s.indicatorId, s]));
  return model.indicatorIds.map((id) => byId.get(id));
}
