import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catchUpDigest } from '../../../server/jobs/digest-schedule.js';
import { runDigest, type DigestDeps } from '../../../server/jobs/send-digest.js';
import { createMailer, type Mailer } from '../../../server/mail/mailer.js';
import { rawRequest } from '../../support/raw-http.js';
import { signIn } from '../../support/sign-in.js';
import { decoded, startSmtp } from '../../support/smtp.js';
import { tempDir } from '../../support/test-catalogue.js';
import { testApp } from '../../support/test-app.js';
import { observationInput } from '../../support/test-db.js';

/** Header lines as one line each (mail folds long ones onto indented continuation lines). */
const unfolded = (raw: string) => raw.replace(/\r?\n[ \t]+/g, ' ');

const MONDAY_0700 = new Date('2024-02-05T07:00:00Z');
const MANAGERS = ['ann@example.org', 'bob@example.org', 'cat@example.org', 'dan@example.org'];

describe('weekly digest delivery', () => {
  let now: Date;
  let tmp: ReturnType<typeof tempDir>;
  let dbFile: string;
  let t: Awaited<ReturnType<typeof testApp>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const mailers: Mailer[] = [];
  const deps = (app = t.app, mailer?: Mailer, holder = 'test-a'): DigestDeps => {
    const m =
      mailer ??
      createMailer({ smtpUrl: smtp.url, outboxDir: join(tmp.dir, 'outbox'), from: 'Watchfloor <wf@example.org>' });
    mailers.push(m);
    return { store: app.store, clock: () => now, mailer: m, appUrl: 'https://watchfloor.example.org', holder };
  };

  beforeEach(async () => {
    now = new Date('2024-02-01T09:00:00Z');
    tmp = tempDir();
    dbFile = join(tmp.dir, 'w.db');
    t = await testApp({ demo: false, dbFile, clock: () => now });
    for (const email of MANAGERS) {
      await t.app.accounts.create(
        {
          username: email.split('@')[0],
          displayName: email,
          email,
          role: 'manager',
          password: 'long-enough-test-secret'
        },
        { now, actor: 'test' }
      );
    }
    smtp = await startSmtp({ reject: ['cat@example.org'] });
  });
  afterEach(async () => {
    mailers.splice(0).forEach((m) => m.close());
    await smtp.close();
    await t.close();
    tmp.remove();
  });

  it('sends each subscriber one copy when two runs of this process meet (a catch-up and the retry job)', async () => {
    now = MONDAY_0700;
    const shared = deps();
    const runs = await Promise.all([
      runDigest(shared, { kind: 'compose', slot: MONDAY_0700.toISOString() }),
      runDigest(shared, { kind: 'resume' })
    ]);
    expect(runs.map((r) => r.outcome).sort()).toEqual(['busy', 'done']);
    expect(smtp.recipients()).toEqual(['ann@example.org', 'bob@example.org', 'dan@example.org']);
    // Once the first is done, the same holder runs again (the lease was released, not leaked).
    expect(await runDigest(shared, { kind: 'resume' })).toMatchObject({ outcome: 'idle' });
  });

  it('delivers one message per subscriber, with text and HTML parts and inline trend images', async () => {
    const officer = await signIn(t.app, 'watch_officer');
    await officer.inject({ method: 'POST', url: '/api/observations', payload: observationInput() });
    now = MONDAY_0700;
    const run = await runDigest(deps(), { kind: 'compose', slot: MONDAY_0700.toISOString() });
    expect(run).toMatchObject({ outcome: 'done', status: 'sent', sent: 3, failed: 1 });
    expect(smtp.recipients()).toEqual(['ann@example.org', 'bob@example.org', 'dan@example.org']);
    const mail = decoded(smtp.received[0].raw);
    expect(mail).toMatch(/Content-Type: text\/plain/);
    expect(mail).toMatch(/Content-Type: text\/html/);
    expect(mail).toMatch(/Content-Type: image\/png/);
    expect(mail).toMatch(/Content-ID: <spark-funding@watchfloor>/);
    expect(mail).toMatch(/Fighter salaries/);
    // The link in the text opens a page (a scanner following it changes nothing); the header is the one-click POST.
    expect(mail).toMatch(/https:\/\/watchfloor\.example\.org\/unsubscribe\?token=/);
    expect(mail).not.toMatch(/href="https:\/\/watchfloor\.example\.org\/api\/digest\/unsubscribe/);
    for (const m of smtp.received) {
      expect(unfolded(m.raw)).toMatch(
        /^List-Unsubscribe: <https:\/\/watchfloor\.example\.org\/api\/digest\/unsubscribe\?token=[\w-]+>\r?$/m
      );
      expect(unfolded(m.raw)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    }
    expect(mail).not.toMatch(/<script/i);
  });

  it('reports a recipient the mail server refuses, without blocking the others', async () => {
    now = MONDAY_0700;
    await runDigest(deps(), { kind: 'compose', slot: null });
    const [failure] = t.app.store.digests.failures();
    expect(failure).toMatchObject({
      email: 'cat@example.org',
      status: 'failed',
      attempts: 1,
      lastError: expect.stringMatching(/550/)
    });
    const admin = await signIn(t.app, 'admin');
    expect((await admin.inject({ method: 'GET', url: '/api/digests/failures' })).json()).toHaveLength(1);
  });

  it('after a crash half-way, a restart sends the rest and nothing twice', async () => {
    now = MONDAY_0700;
    const real = deps().mailer;
    let sends = 0;
    const crashing: Mailer = {
      target: real.target,
      close: () => real.close(),
      send: async (m) => {
        if (++sends === 3) throw new Error('process killed'); // dies before the third message leaves
        return real.send(m);
      }
    };
    await expect(
      runDigest(deps(t.app, crashing), { kind: 'compose', slot: MONDAY_0700.toISOString() })
    ).rejects.toThrow('process killed');
    expect(smtp.recipients()).toEqual(['ann@example.org', 'bob@example.org']);
    await t.close();

    now = new Date(MONDAY_0700.getTime() + 10 * 60_000);
    t = await testApp({ demo: false, dbFile, clock: () => now }); // the restarted server
    const resumed = await catchUpDigest(deps(t.app, undefined, 'test-b'), '0 7 * * 1', 'UTC');
    expect(resumed).toMatchObject({ outcome: 'done', status: 'sent', sent: 3, failed: 1 });
    expect(smtp.recipients()).toEqual(['ann@example.org', 'bob@example.org', 'dan@example.org']);
    expect(t.app.store.digests.list()).toHaveLength(1);
  });

  it('a server down at the scheduled time catches up once at start, not once per missed week', async () => {
    await catchUpDigest(deps(), '0 7 * * 1', 'UTC'); // first start: the schedule begins now, nothing is owed
    expect(t.app.store.digests.list()).toHaveLength(0);
    now = new Date('2024-02-27T12:00:00Z'); // three Mondays later
    const run = await catchUpDigest(deps(), '0 7 * * 1', 'UTC');
    expect(run).toMatchObject({ outcome: 'done', status: 'sent' });
    expect(t.app.store.digests.list().map((d) => d.scheduledFor)).toEqual(['2024-02-26T07:00:00.000Z']);
    now = new Date('2024-02-27T13:00:00Z');
    expect(await catchUpDigest(deps(), '0 7 * * 1', 'UTC')).toEqual({ outcome: 'idle' });
    expect(t.app.store.digests.list()).toHaveLength(1);
    expect(smtp.recipients()).toEqual(['ann@example.org', 'bob@example.org', 'dan@example.org']);
  });

  it('two processes racing for the same slot: only one sends', async () => {
    now = MONDAY_0700;
    const other = await testApp({ demo: false, dbFile, clock: () => now }); // a second process on the same file
    try {
      const slot = { kind: 'compose' as const, slot: MONDAY_0700.toISOString() };
      const results = await Promise.all([
        runDigest(deps(t.app, undefined, 'process-a'), slot),
        runDigest(deps(other.app, undefined, 'process-b'), slot)
      ]);
      expect(results.filter((r) => r.outcome === 'done')).toHaveLength(1);
      // whichever ran second found the lease taken or the slot already answered
      expect(smtp.recipients()).toEqual(['ann@example.org', 'bob@example.org', 'dan@example.org']);
      expect(t.app.store.digests.list()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('retries a passing failure with back-off and delivers once the mail server is back', async () => {
    now = MONDAY_0700;
    const down = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', outboxDir: tmp.dir, from: 'wf@example.org' }); // nothing listens
    const first = await runDigest(deps(t.app, down), { kind: 'compose', slot: null });
    expect(first).toMatchObject({ status: 'sending', sent: 0, retrying: 4 });
    expect(await runDigest(deps(), { kind: 'resume' })).toMatchObject({ sent: 0, retrying: 4 }); // not due yet
    now = new Date(MONDAY_0700.getTime() + 61_000);
    expect(await runDigest(deps(), { kind: 'resume' })).toMatchObject({ status: 'sent', sent: 3, failed: 1 });
    expect(smtp.recipients()).toEqual(['ann@example.org', 'bob@example.org', 'dan@example.org']);
  });

  it('covers everything since the last digest sent, and says so plainly when nothing changed', async () => {
    now = MONDAY_0700;
    await runDigest(deps(), { kind: 'compose', slot: null });
    now = new Date('2024-02-12T07:00:00Z');
    const second = await runDigest(deps(), { kind: 'compose', slot: null });
    const digests = t.app.store.digests.list();
    expect(digests[0].coversFrom).toBe(digests[1].coversTo);
    expect(second).toMatchObject({ status: 'sent' });
    expect(digests[0].subject).toMatch(/no changes/);
    expect(digests[0].text).toMatch(
      /No changes this period: no new or corrected observations and no warnings fired or recovered\./
    );
  });

  it('opening the unsubscribe link changes nothing; the one-click POST (RFC 8058) unsubscribes, without session or CSRF token', async () => {
    now = MONDAY_0700;
    await runDigest(deps(), { kind: 'compose', slot: null });
    const raw = unfolded(smtp.received.find((m) => m.to[0] === 'ann@example.org')!.raw);
    const oneClick =
      /^List-Unsubscribe: <https:\/\/watchfloor\.example\.org(\/api\/digest\/unsubscribe\?token=[\w-]+)>/m.exec(
        raw
      )![1];
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const annSubscribed = () => t.app.store.digests.subscriptions().find((s) => s.username === 'ann')!.subscribed;
    for (const method of ['GET', 'HEAD']) {
      const res = await rawRequest(base, { method, path: oneClick });
      expect(res.status, method).toBe(303);
      expect(res.headers.location).toBe(`/unsubscribe?${oneClick.split('?')[1]}`);
    }
    expect(annSubscribed()).toBe(true);
    const bad = await rawRequest(base, {
      method: 'POST',
      path: '/api/digest/unsubscribe?token=not-a-real-token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click'
    });
    expect(bad.status).toBe(404);
    const res = await rawRequest(base, {
      method: 'POST',
      path: oneClick,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click'
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ username: 'ann', subscribed: false });
    expect(annSubscribed()).toBe(false);
    expect(t.app.store.audit.list({ action: 'digest.unsubscribe', limit: 5 })).toMatchObject([
      { actor: 'ann', entity: 'user' }
    ]);
    now = new Date('2024-02-12T07:00:00Z');
    await runDigest(deps(), { kind: 'compose', slot: null });
    expect(smtp.received.filter((m) => m.to[0] === 'ann@example.org')).toHaveLength(1);
  });

  it('without an SMTP address, writes each message to the outbox as an .eml file', async () => {
    now = MONDAY_0700;
    const outbox = join(tmp.dir, 'eml');
    const run = await runDigest(
      deps(t.app, createMailer({ smtpUrl: null, outboxDir: outbox, from: 'wf@example.org' })),
      { kind: 'compose', slot: null }
    );
    expect(run).toMatchObject({ status: 'sent', sent: 4 });
    const files = readdirSync(outbox).sort();
    expect(files).toHaveLength(4);
    expect(readFileSync(join(outbox, files[0]), 'utf8')).toMatch(/Subject: Watchfloor weekly digest/);
    // Mail holds names and assessments: the server's user alone may read it.
    expect(statSync(outbox).mode & 0o777).toBe(0o700);
    for (const file of files) expect(statSync(join(outbox, file)).mode & 0o777, file).toBe(0o600);
  });
});
