import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, rowCounts } from '../../support/raw-http.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { startTestServer } from '../../support/test-server.js';

// What an attacker tries beyond the known findings, over real HTTP: each must change nothing.
describe('probes beyond the known findings', () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  let admin: Client;
  let headers: Record<string, string>;
  beforeAll(async () => {
    s = await startTestServer({ demo: true });
    admin = await signIn(s.app, 'admin', 'ada');
    headers = {
      'content-type': 'application/json',
      cookie: `wf_session=${admin.cookie}`,
      'x-csrf-token': admin.csrfToken
    };
  });
  afterAll(() => s.close());
  const post = (path: string, body: string, h = headers) =>
    rawRequest(s.url, { method: 'POST', path, headers: h, body });

  it('refuses JSON with __proto__ or constructor.prototype keys', async () => {
    const before = rowCounts(s.db);
    for (const body of [
      '{"name":"x","__proto__":{"role":"admin"}}',
      '{"name":"x","constructor":{"prototype":{"role":"admin"}}}'
    ]) {
      expect((await post('/api/sources', body)).status, body).toBe(400);
    }
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(rowCounts(s.db)).toEqual(before);
  });

  it('refuses huge bodies (413 signed in, 401 before reading anything without a session)', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(70_000) });
    expect((await post('/api/sources', huge)).status).toBe(413);
    expect((await post('/api/sources', huge, { 'content-type': 'application/json' })).status).toBe(401);
    expect(
      (
        await post('/api/auth/login', JSON.stringify({ username: 'x', password: 'y'.repeat(70_000) }), {
          'content-type': 'application/json'
        })
      ).status
    ).toBe(413);
  });

  it('sign-in takes JSON only, so a cross-site form cannot post it', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      expect(
        (await post('/api/auth/login', 'username=demo-admin&password=admin-demo-watchfloor', { 'content-type': type }))
          .status,
        type
      ).toBe(415);
    }
  });

  it('parallel creation of one account: one 201, the rest 409 (no 500)', async () => {
    const body = JSON.stringify({
      username: 'twin',
      displayName: 'Twin',
      role: 'manager',
      password: 'a-strong-new-secret'
    });
    const answers = await Promise.all([1, 2, 3, 4].map(() => post('/api/users', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('parallel demotions of the last two administrators leave one', async () => {
    const bea = await signIn(s.app, 'admin', 'bea');
    const admins = () => s.app.store.users.list().filter((u) => u.role === 'admin' && !u.disabled);
    const others = admins().filter((u) => u.username !== 'ada' && u.username !== 'bea');
    for (const u of others) s.app.accounts.update(u.id, { role: 'manager' }, { now: new Date(), actor: 'test' });
    const id = (name: string) => s.app.store.users.byUsername(name)!.id;
    const beaHeaders = {
      'content-type': 'application/json',
      cookie: `wf_session=${bea.cookie}`,
      'x-csrf-token': bea.csrfToken
    };
    const answers = await Promise.all([
      rawRequest(s.url, { method: 'PATCH', path: `/api/users/${id('bea')}`, headers, body: '{"role":"manager"}' }),
      rawRequest(s.url, {
        method: 'PATCH',
        path: `/api/users/${id('ada')}`,
        headers: beaHeaders,
        body: '{"role":"manager"}'
      })
    ]);
    // The second is refused: 409 (last administrator), or 401 when the first demotion already ended its session.
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 || a.status === 401)).toHaveLength(1);
    expect(admins()).toHaveLength(1);
  });

  it("the unsubscribe link only ever leads to this site's page", async () => {
    const res = await rawRequest(s.url, { path: '/api/digest/unsubscribe?token=//evil.example/%0d%0aSet-Cookie:x=1' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/unsubscribe\?token=%2F%2Fevil\.example/);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('an address with a line break (mail header injection) is refused', async () => {
    for (const email of ['a@example.org\r\nBcc: x@evil.example', 'a@example.org\nBcc: x@evil.example']) {
      const res = await post(
        '/api/users',
        JSON.stringify({
          username: 'mallory',
          displayName: 'M',
          role: 'manager',
          email,
          password: 'a-strong-new-secret'
        })
      );
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).issues[0].path).toBe('email');
    }
  });
});
