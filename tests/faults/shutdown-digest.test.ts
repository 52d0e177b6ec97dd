// SIGTERM while the weekly digest is being sent, over real SMTP to a slow mail server: the
// scheduled job is let finish, so every subscriber gets the digest exactly once, the digest is
// recorded as sent, and the process exits 0 with the database closed. A restart sends nothing more.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate.js';
import { openDb } from '../../server/db/open-db.js';
import { createStore } from '../../server/db/store.js';
import { createAccounts } from '../../server/services/accounts.js';
import { runDigest } from '../../server/jobs/send-digest.js';
import { createMailer } from '../../server/mail/mailer.js';
import { startSmtp } from '../support/smtp.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { tempDir } from '../support/test-catalogue.js';
import { testApp } from '../support/test-app.js';
import { startServer } from './support/server-process.js';

const SUBSCRIBERS = Array.from({ length: 6 }, (_, i) => `reader${i + 1}@example.org`);

/** A migrated database with six managers (subscribed by default) and a digest schedule that has missed its last slot. */
async function prepare(dbFile: string) {
  const db = openDb(dbFile);
  migrate(db);
  const store = createStore(db, { includeDemo: false });
  const accounts = createAccounts(store, { includeDemo: false });
  for (const [i, email] of SUBSCRIBERS.entries()) {
    await accounts.create(
      { username: `reader-${i + 1}`, displayName: `Reader ${i + 1}`, role: 'manager', password: TEST_PASSWORD, email },
      { now: new Date(), actor: 'test' }
    );
  }
  // The schedule has been running since 2020, so the start catches up the weekly slot it missed: a digest goes out at once.
  store.meta.set('digest_schedule_since', '2020-01-01T00:00:00.000Z');
  db.close();
}

const until = async (condition: () => boolean, what: string, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('graceful shutdown during a digest', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('on SIGTERM mid-digest sends the rest once, records it sent, closes the database; a restart sends nothing more', async () => {
    const dbFile = join(tmp.dir, 'digest.db');
    await prepare(dbFile);
    // Each message takes a while to be accepted, so the signal lands with most of the digest unsent.
    const smtp = await startSmtp({ delayMs: 300 });
    const env = {
      WATCHFLOOR_SMTP_URL: smtp.url,
      WATCHFLOOR_DIGEST_CRON: '0 7 * * 1',
      WATCHFLOOR_PUBLIC_URL: 'http://watchfloor.test'
    };
    try {
      const server = await startServer(dbFile, env);
      await until(() => smtp.received.length >= 1, 'the first digest message');
      const receivedAtSignal = smtp.received.length;
      server.child.kill('SIGTERM');
      expect(await server.exited, server.output()).toBe(0);
      expect(receivedAtSignal).toBeLessThan(SUBSCRIBERS.length);

      // Whole: every subscriber got it, nobody twice, and the database says so.
      expect(smtp.recipients()).toEqual([...SUBSCRIBERS].sort());
      expect(existsSync(`${dbFile}-wal`)).toBe(false);
      const db = new Database(dbFile, { readonly: true });
      const digests = db.prepare('SELECT id, status FROM digests').all() as { id: number; status: string }[];
      const deliveries = db.prepare('SELECT status, count(*) AS n FROM digest_deliveries GROUP BY status').all();
      const sendAudits = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'digest.send'").pluck().get();
      db.close();
      expect(digests).toEqual([{ id: 1, status: 'sent' }]);
      expect(deliveries).toEqual([{ status: 'sent', n: SUBSCRIBERS.length }]);
      expect(sendAudits).toBe(1);

      // A restart finds nothing half sent: its catch-up (started before the server serves, and
      // waited for by shutdown like any running job) sends no second copy.
      const again = await startServer(dbFile, env);
      again.child.kill('SIGTERM');
      expect(await again.exited, again.output()).toBe(0);
      expect(smtp.received.length).toBe(SUBSCRIBERS.length);
    } finally {
      await smtp.close();
    }
  }, 120_000);

  it('past the shutdown grace, stops between two messages and leaves the rest for the next start, nobody twice', async () => {
    const now = new Date('2024-02-05T07:00:00Z');
    const t = await testApp({ demo: false, dbFile: join(tmp.dir, 'grace.db'), clock: () => now });
    const smtp = await startSmtp();
    const mailer = createMailer({
      smtpUrl: smtp.url,
      outboxDir: join(tmp.dir, 'outbox'),
      from: 'Watchfloor <wf@example.org>'
    });
    try {
      for (const [i, email] of SUBSCRIBERS.entries()) {
        await t.app.accounts.create(
          { username: `r${i}`, displayName: email, email, role: 'manager', password: TEST_PASSWORD },
          { now, actor: 'test' }
        );
      }
      const deps = {
        store: t.app.store,
        clock: () => now,
        mailer,
        appUrl: 'https://watchfloor.example.org',
        holder: 'test'
      };
      // Shutdown gives up waiting once the first message is out.
      const cut = await runDigest(
        { ...deps, stopRequested: () => smtp.received.length >= 1 },
        { kind: 'compose', slot: null }
      );
      expect(cut).toMatchObject({ outcome: 'done', status: 'sending', sent: 1, retrying: SUBSCRIBERS.length - 1 });
      expect(smtp.received).toHaveLength(1);

      const resumed = await runDigest(deps, { kind: 'resume' });
      expect(resumed).toMatchObject({ outcome: 'done', status: 'sent', sent: SUBSCRIBERS.length });
      expect(smtp.recipients()).toEqual([...SUBSCRIBERS].sort());
    } finally {
      mailer.close();
      await smtp.close();
      await t.close();
    }
  });
});
