import cron from 'node-cron';

const MINUTE = 60_000;
/** A weekly schedule repeats within 7 days; a little more covers daylight-saving shifts. */
const LOOK_BACK_MINUTES = 8 * 24 * 60;

/**
 * The latest minute at or before `now` that `expression` (5-field cron, in `timezone`) names;
 * null when none falls in the last eight days. Used to catch up once on a missed run.
 */
export async function mostRecentSlot(expression: string, timezone: string, now: Date): Promise<Date | null> {
  const task = cron.createTask(expression, () => undefined, { timezone });
  try {
    const start = Math.floor(now.getTime() / MINUTE) * MINUTE;
    for (let i = 0; i <= LOOK_BACK_MINUTES; i++) {
      const candidate = new Date(start - i * MINUTE);
      if (task.match(candidate)) return candidate;
    }
    return null;
  } finally {
    await task.destroy();
  }
}
