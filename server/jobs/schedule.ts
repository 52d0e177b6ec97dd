import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import cron from 'node-cron';
import { runEvaluateWarnings } from './evaluate-warnings.js';

export interface ScheduleOptions {
  /** Cron expression for the warnings evaluation; staleness grows with time alone, so it runs hourly. */
  warningsCron: string;
  timezone: string;
}

/** Owns every scheduled job of the server process and stops them when the app closes. */
export const schedulePlugin = fp(async (app: FastifyInstance, opts: ScheduleOptions) => {
  const task = cron.schedule(
    opts.warningsCron,
    () => {
      try {
        const result = runEvaluateWarnings({ store: app.store, clock: app.clock });
        app.log.info({ job: 'warnings', ...result }, 'warnings evaluated');
      } catch (err) {
        app.log.error({ err, job: 'warnings' }, 'warnings evaluation failed');
      }
    },
    { timezone: opts.timezone, name: 'evaluate-warnings' }
  );
  app.addHook('onClose', async () => {
    await task.stop();
    await task.destroy();
  });
});
