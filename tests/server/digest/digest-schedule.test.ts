import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boot } from '../../../server/boot.js';
import { createMailer } from '../../../server/mail/mailer.js';
import { startSmtp } from '../../support/smtp.js';
import { FIXTURE_CATALOGUE, tempDir } from '../../support/test-catalogue.js';

/** The server as main.ts starts it, schedules included, on `dbFile` at the time `now()` says. */
async function server(dbFile: string, smtpUrl: string, now: () => Date) {
  const mailer = createMailer({ smtpUrl, outboxDir: dbFile + '-outbox', from: 'wf@example.org' });
  const started = await boot(
    { dbFile, demo: true, catalogueDir: FIXTURE_CATALOGUE, staticDir: '/nonexistent' },
    {
      clock: now,
      schedule: {
        warningsCron: '0 * * * *',
        timezone: 'UTC',
        digest: {
          cron: '0 7 * * 1',
          deps: { mailer, appUrl: 'https://wf.example.org', holder: `pid-${Math.random()}` }
        }
      }
    }
  );
  await started.app.ready(); // what listen() does first: the digest catch-up starts now
  await started.app.digestCatchUp;
  return {
    ...started,
    async stop() {
      await started.app.close();
      started.db.close();
      mailer.close();
    }
  };
}

describe('the digest schedule in the server process', () => {
  let tmp: ReturnType<typeof tempDir>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeEach(async () => {
    tmp = tempDir();
    smtp = await startSmtp();
  });
  afterEach(async () => {
    await smtp.close();
    tmp.remove();
  });

  it('sends nothing on a first start, then catches up once after being down over the Monday slot', async () => {
    const dbFile = join(tmp.dir, 'w.db');
    const first = await server(dbFile, smtp.url, () => new Date('2024-02-01T09:00:00Z'));
    expect(first.app.store.meta.get('digest_schedule_since')).toBe('2024-02-01T09:00:00.000Z');
    expect(first.app.store.digests.list()).toHaveLength(0);
    await first.stop();

    // Down from Thursday to the Tuesday after: one Monday 07:00 slot was missed.
    const second = await server(dbFile, smtp.url, () => new Date('2024-02-06T10:00:00Z'));
    expect(second.app.store.digests.list()[0]?.status).toBe('sent');
    expect(second.app.store.digests.list().map((d) => d.scheduledFor)).toEqual(['2024-02-05T07:00:00.000Z']);
    expect(smtp.recipients()).toEqual(['demo-manager@watchfloor.invalid']);
    await second.stop();

    // Restarted again the same day: that slot is answered, nothing more goes out.
    const third = await server(dbFile, smtp.url, () => new Date('2024-02-06T11:00:00Z'));
    expect(third.app.store.audit.list({ action: 'digest.compose', limit: 10 })).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    await third.stop();
  });
});
