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
/**
 * How long shutdown waits for a job that is running (a digest being sent) to finish. Past it, the
 * digest stops between two deliveries: none is cut mid-message, and the rest stay pending for the
 * next start to resume. Under the 30 s most process managers allow before a SIGKILL.
 */
export const SHUTDOWN_GRACE_MS = 20_000;

/** Owns every scheduled job of the server process and stops them when the app closes. */
export const schedulePlugin = fp(async (app: FastifyInstance, opts: ScheduleOptions) => {
  const tasks: ScheduledTask[] = [];
  // Jobs under way, so closing waits for them instead of closing the database under a digest.
  const running = new Set<Promise<void>>();
  let stopRequested = false;
  // A failing job is logged and tried again at its next time; it never takes the server down.
  const guarded = (job: string, run: () => unknown) => () => {
    const done = (async () => {
      try {
        app.log.info({ job, result: await run() }, `${job} ran`);
      } catch (err) {
        app.log.error({ err, job }, `${job} failed`);
      }
    })();
    running.add(done);
    void done.finally(() => running.delete(done));
    return done;
  };
  const every = (expression: string, name: string, run: (date: Date) => unknown) =>
    tasks.push(
      cron.schedule(expression, (ctx) => guarded(name, () => run(ctx.date))(), {
        timezone: opts.timezone,
        name,
        noOverlap: true
      })
    );

  every(opts.warningsCron, 'warnings', () => runEvaluateWarnings({ store: app.store, clock: app.clock }));
  if (opts.digest) {
    const deps: DigestDeps = {
      store: app.store,
      clock: app.clock,
      ...opts.digest.deps,
      stopRequested: () => stopRequested
    };
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
    if (running.size === 0) return;
    app.log.info(`waiting for ${running.size} scheduled job(s) to finish`);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'late'>((done) => (timer = setTimeout(() => done('late'), SHUTDOWN_GRACE_MS)));
    const outcome = await Promise.race([Promise.allSettled([...running]), grace]);
    clearTimeout(timer);
    if (outcome === 'late') {
      app.log.warn(
        'a scheduled job outlasted the shutdown grace: the digest stops after its current message; the next start resumes it'
      );
      stopRequested = true;
      await Promise.allSettled([...running]);
    }
  });
});
