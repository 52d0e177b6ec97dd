import { mostRecentSlot } from './digest-slots.js';
import { runDigest, type DigestDeps, type DigestRun } from './send-digest.js';

const SCHEDULE_SINCE = 'digest_schedule_since';

/** The schedule slot a cron firing answers: its minute. */
export const slotOf = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString();

/**
 * At start: if the latest scheduled time passed without a digest (the server was down), run it
 * once now, however many weeks were missed; and resume any digest a crash left half sent.
 * Slots before the schedule first ran on this database are not "missed".
 */
export async function catchUpDigest(deps: DigestDeps, expression: string, timezone: string): Promise<DigestRun> {
  const now = deps.clock();
  const since = deps.store.meta.get(SCHEDULE_SINCE);
  if (!since) deps.store.meta.set(SCHEDULE_SINCE, now.toISOString());
  const slot = await mostRecentSlot(expression, timezone, now);
  const missed =
    slot !== null && since !== null && slot.toISOString() >= since && !deps.store.digests.bySlot(slot.toISOString());
  return runDigest(deps, missed ? { kind: 'compose', slot: slot.toISOString() } : { kind: 'resume' });
}
