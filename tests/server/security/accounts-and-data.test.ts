import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDigest } from '../../../server/jobs/send-digest.js';
import { createMailer } from '../../../server/mail/mailer.js';
import { openDb } from '../../../server/db/open-db.js';
import { rawRequest } from '../../support/raw-http.js';
import { signIn } from '../../support/sign-in.js';
import { tempDir } from '../../support/test-catalogue.js';
import { testApp } from '../../support/test-app.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const usersCli = (db: string, args: string[], stdin = '') =>
  spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['server/cli/users.ts', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, WATCHFLOOR_DB: db }
  });

describe('accounts and data exposure', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const done of cleanup.splice(0).reverse()) await done();
  });
  const app = async (demo = false) => {
    const t = await testApp({ demo });
    cleanup.push(() => t.close());
    return t;
  };

  it('refuses (409) to demote or disable the last active administrator, oneself included', async () => {
    const t = await app();
    const ada = await signIn(t.app, 'admin', 'ada');
    const adaId = t.app.store.users.byUsername('ada')!.id;
    for (const change of [{ role: 'manager' }, { disabled: true }]) {
      const res = await ada.inject({ method: 'PATCH', url: `/api/users/${adaId}`, payload: change });
      expect(res.statusCode, JSON.stringify(change)).toBe(409);
      expect(res.json().message).toMatch(/ada is the last active administrator/);
    }
    // With a second administrator the first may step down; then the second is the last.
    const bea = await signIn(t.app, 'admin', 'bea');
    const beaId = t.app.store.users.byUsername('bea')!.id;
    expect(
      (await ada.inject({ method: 'PATCH', url: `/api/users/${adaId}`, payload: { role: 'manager' } })).statusCode
    ).toBe(200);
    expect(
      (await bea.inject({ method: 'PATCH', url: `/api/users/${beaId}`, payload: { disabled: true } })).statusCode
    ).toBe(409);
    expect(t.app.store.users.get(beaId)).toMatchObject({ role: 'admin', disabled: false });
  });

  it('the demonstration administrator does not count as one while demonstration data is off', async () => {
    const tmp = tempDir();
    cleanup.push(() => tmp.remove());
    const dbFile = join(tmp.dir, 'w.db');
    const first = await testApp({ demo: true, dbFile });
    await first.app.close();
    first.db.close();
    const t = await testApp({ demo: false, dbFile });
    cleanup.push(() => t.close());
    const chief = await signIn(t.app, 'admin', 'chief');
    const res = await chief.inject({
      method: 'PATCH',
      url: `/api/users/${t.app.store.users.byUsername('chief')!.id}`,
      payload: { role: 'manager' }
    });
    expect(res.statusCode).toBe(409);
  });

  it('npm run users refuses the same, with the reason', () => {
    const tmp = tempDir();
    cleanup.push(() => tmp.remove());
    const db = join(tmp.dir, 'w.db');
    usersCli(db, ['add', 'chief', '--role', 'admin'], 'a-very-long-admin-secret\n');
    for (const args of [
      ['set-role', 'chief', 'manager'],
      ['disable', 'chief']
    ]) {
      const run = usersCli(db, args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/chief is the last active administrator/);
    }
    expect(usersCli(db, ['list']).stdout).toMatch(/chief\s+admin\s+-\s+active/);
  });

  it("shows recipients' addresses to managers and administrators only", async () => {
    const t = await app();
    const tmp = tempDir();
    cleanup.push(() => tmp.remove());
    await t.app.accounts.create(
      {
        username: 'ann',
        displayName: 'Ann',
        email: 'ann@example.org',
        role: 'manager',
        password: 'long-enough-test-secret'
      },
      { now: t.app.clock(), actor: 'test' }
    );
    const mailer = createMailer({ smtpUrl: null, outboxDir: join(tmp.dir, 'outbox'), from: 'wf@example.org' });
    const run = await runDigest(
      { store: t.app.store, clock: t.app.clock, mailer, appUrl: 'https://wf.example.org', holder: 't' },
      { kind: 'compose', slot: null }
    );
    if (run.outcome !== 'done') throw new Error('no digest');
    for (const [role, sees] of [
      ['watch_officer', false],
      ['manager', true],
      ['admin', true]
    ] as const) {
      const body = (
        await (await signIn(t.app, role)).inject({ method: 'GET', url: `/api/digests/${run.digestId}` })
      ).json();
      expect(body.recipients.length, role).toBeGreaterThan(0);
      expect(body.recipients[0].displayName).toBe('Ann');
      expect(JSON.stringify(body).includes('ann@example.org'), role).toBe(sees);
    }
  });

  it('a failed sign-in named like a formula is no live formula in audit.csv', async () => {
    const t = await app();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const formula = '=HYPERLINK("http://evil.example/")';
    const failed = await rawRequest(url, {
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: formula, password: 'wrong-password-here' })
    });
    expect(failed.status).toBe(401);
    const admin = await signIn(t.app, 'admin', 'ada');
    const csv = await rawRequest(url, { path: '/api/audit.csv', headers: { cookie: `wf_session=${admin.cookie}` } });
    expect(csv.status).toBe(200);
    const cells = (parse(csv.body) as string[][]).flat();
    expect(cells).toContain(`'${formula}`);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('creates the database, its WAL and shared memory owner-only (0600) in an owner-only folder (0700)', () => {
    const tmp = tempDir();
    cleanup.push(() => tmp.remove());
    const file = join(tmp.dir, 'deep', 'er', 'w.db');
    const db = openDb(file);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777, f).toBe(0o600);
    for (const d of [join(tmp.dir, 'deep'), join(tmp.dir, 'deep', 'er')])
      expect(statSync(d).mode & 0o777, d).toBe(0o700);
    db.close();
  });
});
