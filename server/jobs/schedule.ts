import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import cron, { type ScheduledTask } from 'node-cron';
import { catchUpDigest, slotOf } from './digest-schedule.js';
import { runEvaluateWarnings } from './evaluate-warnings.js';
import { runDigest, type DigestDeps } from './send-digest.js';

export interface ScheduleOptions {
  /** Cron expression for the warnings evaluation; staleness grows with time alone, so it runs hourly. */
  warningsCron: string;
  timezone: string;
  /** The weekly digest: its schedule and what sending needs. */
  digest?: { cron: string; deps: Omit<DigestDeps, 'store' | 'clock'> };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The digest catch-up started when the server became ready (null without a digest schedule). */
    digestCatchUp: Promise<void> | null;
  }
}

/** Pending digest deliveries (retries, a resumed run) are looked at this often. */
const DIGEST_RETRY_CRON = '*/5 * * * *';

/** Owns every scheduled job of the server process and stops them when the app closes. */
export const schedulePlugin = fp(async (app: FastifyInstance, opts: ScheduleOptions) => {
  const tasks: ScheduledTask[] = [];
  // A failing job is logged and tried again at its next time; it never takes the server down.
  const guarded = (job: string, run: () => unknown) => async () => {
    try {
      app.log.info({ job, result: await run() }, `${job} ran`);
    } catch (err) {
      app.log.error({ err, job }, `${job} failed`);
    }
  };
  const every = (expression: string, name: string, run: (date: Date) => unknown) =>
    tasks.push(cron.schedule(expression, (ctx) => guarded(name, () => run(ctx.date))(), { timezone: opts.timezone, name, noOverlap: true }));

  every(opts.warningsCron, 'warnings', () => runEvaluateWarnings({ store: app.store, clock: app.clock }));
  if (opts.digest) {
    const deps: DigestDeps = { store: app.store, clock: app.clock, ...opts.digest.deps };
    const digestCron = opts.digest.cron;
    every(digestCron, 'digest', (date) => runDigest(deps, { kind: 'compose', slot: slotOf(date) }));
    every(DIGEST_RETRY_CRON, 'digest-retry', () => runDigest(deps, { kind: 'resume' }));
    // Once the server is ready: a missed slot is caught up (once), a half-sent digest resumed.
    // Not awaited: a slow mail server must not hold up the start.
    app.decorate('digestCatchUp', null);
    app.addHook('onReady', async () => {
      app.digestCatchUp = guarded('digest-catch-up', () => catchUpDigest(deps, digestCron, opts.timezone))();
    });
  }
  app.addHook('onClose', async () => {
    for (const t of tasks) {
      await t.stop();
      await t.destroy();
    }
  });
});
