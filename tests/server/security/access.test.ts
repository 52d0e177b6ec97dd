import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../server/auth/auth-plugin.js';
import { ROLES, type Role } from '../../../server/schemas/index.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

/** A concrete URL for a route pattern: ids of things that exist in the fixture database. */
const concrete = (url: string) =>
  url
    .replace('/api/indicators/:id', '/api/indicators/salaries')
    .replace('/api/scenarios/:id', '/api/scenarios/decline')
    .replace('/api/families/:id', '/api/families/funding')
    .replace(':id', '1');

describe('access control on every API route', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const clients = {} as Record<Role, Client>;
  beforeAll(async () => {
    t = await testApp({ demo: true });
    for (const role of ROLES) clients[role] = await signIn(t.app, role);
  });
  afterAll(() => t.close());

  it('knows the routes: only health, login, the demo-account list and the unsubscribe link are public, and every write names its roles', () => {
    const publicRoutes = t.app.apiRoutes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual([
      'GET /api/auth/demo-accounts',
      'GET /api/digest/unsubscribe',
      'GET /api/health',
      'POST /api/auth/login',
      'POST /api/digest/unsubscribe'
    ]);
    const openWrites = t.app.apiRoutes
      .filter((r) => r.method !== 'GET' && !r.public && !r.roles)
      .map((r) => `${r.method} ${r.url}`);
    // Anyone signed in may sign out and choose whether they receive the digest.
    expect(openWrites.sort()).toEqual(['POST /api/auth/logout', 'PUT /api/digest/subscription']);
    expect(t.app.apiRoutes.length).toBeGreaterThan(25);
  });

  it('answers 401 to every non-public route without a session, with a forged cookie, and with a revoked one', async () => {
    const revoked = await signIn(t.app, 'admin', 'soon-gone');
    await revoked.inject({ method: 'POST', url: '/api/auth/logout' });
    for (const route of t.app.apiRoutes.filter((r) => !r.public)) {
      const url = concrete(route.url);
      const method = route.method as 'GET';
      const jars: Record<string, string>[] = [
        {},
        { [SESSION_COOKIE]: 'forged-token-value' },
        { [SESSION_COOKIE]: revoked.cookie }
      ];
      for (const cookies of jars) {
        const res = await t.app.inject({ method, url, cookies, payload: method === 'GET' ? undefined : {} });
        expect(res.statusCode, `${route.method} ${url} with ${JSON.stringify(cookies)}`).toBe(401);
      }
    }
  });

  it('answers 403 to every role a route does not name', async () => {
    let checked = 0;
    for (const route of t.app.apiRoutes.filter((r) => r.roles)) {
      for (const role of ROLES.filter((r) => !route.roles!.includes(r))) {
        const res = await clients[role].inject({
          method: route.method as 'POST',
          url: concrete(route.url),
          payload: {}
        });
        expect(res.statusCode, `${role} on ${route.method} ${route.url}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it("answers 403 to every state-changing request without the CSRF token, or with another session's", async () => {
    const other = clients.manager.csrfToken;
    for (const route of t.app.apiRoutes.filter((r) => r.method !== 'GET' && !r.public)) {
      for (const header of [{}, { 'x-csrf-token': other }, { 'x-csrf-token': '' }]) {
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: concrete(route.url),
          payload: {},
          cookies: { [SESSION_COOKIE]: clients.admin.cookie },
          headers: header
        });
        expect(res.statusCode, `${route.method} ${route.url} ${JSON.stringify(header)}`).toBe(403);
        expect(res.json().message).toMatch(/x-csrf-token/);
      }
    }
  });

  it('lets each role read everything', async () => {
    for (const role of ROLES) {
      for (const url of [
        '/api/overview',
        '/api/indicators/salaries/observations',
        '/api/scenarios/fit',
        '/api/warnings',
        '/api/sources'
      ]) {
        expect((await clients[role].inject({ method: 'GET', url })).statusCode, `${role} ${url}`).toBe(200);
      }
    }
  });

  it('a watch officer cannot promote anyone, themselves included', async () => {
    const me = (await clients.watch_officer.inject({ method: 'GET', url: '/api/auth/me' })).json().user;
    const res = await clients.watch_officer.inject({
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      payload: { role: 'admin' }
    });
    expect(res.statusCode).toBe(403);
    expect(t.app.store.users.get(me.id).role).toBe('watch_officer');
    const create = await clients.watch_officer.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'x2', displayName: 'x', role: 'admin', password: 'another-long-secret' }
    });
    expect(create.statusCode).toBe(403);
  });

  it('a manager cannot record or correct observations', async () => {
    const res = await clients.manager.inject({ method: 'POST', url: '/api/observations', payload: {} });
    expect(res.statusCode).toBe(403);
  });

  it('sends security headers with a strict content security policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
