import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../server/auth/auth-plugin.js';
import { DEMO_ACCOUNTS } from '../../../server/auth/demo-accounts.js';
import { boot } from '../../../server/boot.js';
import { loadConfig, type TrustProxy } from '../../../server/config.js';
import { rawRequest } from '../../support/raw-http.js';
import { signIn, TEST_PASSWORD } from '../../support/sign-in.js';
import { FIXTURE_CATALOGUE, tempDir } from '../../support/test-catalogue.js';
import { testApp } from '../../support/test-app.js';

/** The app over a fresh database, listening on 127.0.0.1 (an ephemeral port). */
async function listening(options: { demo?: boolean; trustProxy?: TrustProxy; dbFile?: string } = {}) {
  const tmp = tempDir();
  const { app, db } = await boot({
    dbFile: options.dbFile ?? join(tmp.dir, 'w.db'),
    demo: options.demo ?? false,
    catalogueDir: FIXTURE_CATALOGUE,
    staticDir: join(tmp.dir, 'none'),
    trustProxy: options.trustProxy ?? false
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    rawRequest(url, {
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password })
    });
  return {
    app,
    db,
    url,
    login,
    close: async () => {
      await app.close();
      db.close();
      tmp.remove();
    }
  };
}

describe('sign-in hardening', () => {
  const open: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it('60 parallel wrong passwords: 5 are checked, every further one is refused with 429 before hashing', async () => {
    const s = await listening();
    open.push(s);
    await signIn(s.app, 'watch_officer', 'olga');
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => s.login('olga', `wrong-password-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((c) => c === 401)).toHaveLength(5);
    expect(statuses.filter((c) => c === 429)).toHaveLength(55);
    // The right password waits out the lock too.
    expect((await s.login('olga', TEST_PASSWORD)).status).toBe(429);
    expect(s.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'auth.login_failed'").pluck().get()).toBe(5);
  });

  it('with demonstration data off, the demonstration accounts cannot sign in, and their old sessions end', async () => {
    const tmp = tempDir();
    const dbFile = join(tmp.dir, 'w.db');
    const withDemo = await testApp({ demo: true, dbFile });
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    const res = await withDemo.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: admin.username, password: admin.password }
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    await withDemo.app.close();
    withDemo.db.close();

    const s = await listening({ demo: false, dbFile });
    open.push(s, { close: async () => tmp.remove() });
    for (const account of DEMO_ACCOUNTS) {
      const refused = await s.login(account.username, account.password);
      expect(refused.status, account.username).toBe(401);
      expect(JSON.parse(refused.body).message).toBe('wrong username or password');
    }
    expect((await s.login(admin.username.toUpperCase(), admin.password)).status).toBe(401);
    const me = await rawRequest(s.url, { path: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    expect(me.status).toBe(401);
  });

  it('a sign-in replaces the session the browser held before', async () => {
    const s = await listening();
    open.push(s);
    await signIn(s.app, 'manager', 'mara');
    await signIn(s.app, 'admin', 'ada');
    const first = await s.login('mara', TEST_PASSWORD);
    const old = /wf_session=([^;]+)/.exec(String(first.headers['set-cookie']))![1];
    const second = await s.login('ada', TEST_PASSWORD, { cookie: `${SESSION_COOKIE}=${old}` });
    expect(second.status).toBe(200);
    const fresh = /wf_session=([^;]+)/.exec(String(second.headers['set-cookie']))![1];
    expect(fresh).not.toBe(old);
    expect(
      (await rawRequest(s.url, { path: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${old}` } })).status
    ).toBe(401);
    expect(
      (await rawRequest(s.url, { path: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${fresh}` } })).status
    ).toBe(200);
  });

  it('without WATCHFLOOR_TRUST_PROXY, forwarded headers are ignored: no Secure cookie, the lockout counts the socket address', async () => {
    const s = await listening();
    open.push(s);
    await signIn(s.app, 'manager', 'mara');
    const ok = await s.login('mara', TEST_PASSWORD, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' });
    expect(String(ok.headers['set-cookie'])).not.toMatch(/Secure/i);
    for (let i = 0; i < 20; i++)
      await s.login(`guess-${i}`, 'wrong-password-here', { 'x-forwarded-for': `203.0.113.${i}` });
    expect((await s.login('anyone', 'wrong-password-here', { 'x-forwarded-for': '198.51.100.1' })).status).toBe(429);
  });

  it('with WATCHFLOOR_TRUST_PROXY=1, the cookie is Secure behind TLS and the lockout keys on the client, not the proxy', async () => {
    const s = await listening({ trustProxy: loadConfig({ WATCHFLOOR_TRUST_PROXY: '1' }).trustProxy });
    open.push(s);
    await signIn(s.app, 'manager', 'mara');
    const tls = await s.login('mara', TEST_PASSWORD, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.7'
    });
    expect(String(tls.headers['set-cookie'])).toMatch(/; Secure/);
    const plain = await s.login('mara', TEST_PASSWORD, {
      'x-forwarded-proto': 'http',
      'x-forwarded-for': '203.0.113.7'
    });
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/i);
    for (let i = 0; i < 20; i++)
      await s.login(`guess-${i}`, 'wrong-password-here', { 'x-forwarded-for': '203.0.113.66' });
    expect((await s.login('anyone', 'wrong-password-here', { 'x-forwarded-for': '203.0.113.66' })).status).toBe(429);
    // Another client behind the same proxy is not locked out.
    expect((await s.login('mara', TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
    // Only the hop next to the proxy counts: a client cannot pick its address by prepending one.
    const audit = s.app.store.audit.list({ action: 'auth.login', limit: 1 })[0];
    expect(audit.after).toEqual({ address: '203.0.113.8' });
    await s.login('mara', TEST_PASSWORD, { 'x-forwarded-for': '1.2.3.4, 203.0.113.9' });
    expect(s.app.store.audit.list({ action: 'auth.login', limit: 1 })[0].after).toEqual({ address: '203.0.113.9' });
  });

  it('WATCHFLOOR_TRUST_PROXY takes 0, a hop count or a list of proxy addresses, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ WATCHFLOOR_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ WATCHFLOOR_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ WATCHFLOOR_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1'
    ]);
    for (const bad of ['true', 'yes', '10.0.0.300', '10.0.0.0/33', 'proxy.internal', '-1']) {
      expect(() => loadConfig({ WATCHFLOOR_TRUST_PROXY: bad }), bad).toThrow(/WATCHFLOOR_TRUST_PROXY: must be 0/);
    }
  });
});
