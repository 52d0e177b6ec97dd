import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, rowCounts } from '../../support/raw-http.js';
import { startTestServer } from '../../support/test-server.js';

/** A concrete path for a route pattern; `:param` and `*` become plain values. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1').replace('*', 'x');

/** Ways an attacker spells one path so that a string check and the router disagree. */
export function spellings(path: string): string[] {
  const [, first, ...rest] = path.split('/');
  const tail = rest.length ? `/${rest.join('/')}` : '';
  const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  const out = [
    path,
    `/${hex(first[0])}${first.slice(1)}${tail}`, // %61pi: the router decodes it
    `/${hex(first[0]).replace('%', '%25')}${first.slice(1)}${tail}`, // %2561pi: encoded twice
    `/${hex(first[0]).toUpperCase()}${first.slice(1).toUpperCase()}${tail}`,
    `/${first.toUpperCase()}${tail}`,
    path.toUpperCase(),
    `/${first[0].toUpperCase()}${first.slice(1)}${tail}`,
    `/${path}`, // //api/…
    path.replace(/\/(?=[^/]*$)/, '//'),
    `/./${first}${tail}`,
    `/${first}/.${tail || '/'}`,
    `/x/../${first}${tail}`,
    `/${first}/x/..${tail}`,
    `/${first}%2f${rest.join('%2f')}`,
    `/${first}%2F${rest.join('%2F')}`,
    `${path}/`,
    `${path}?`,
    `${path}?x=1`,
    `${path}?${first}=1&admin=true`,
    `${path};x=1`,
    `${path}%00`,
    `${path}#frag`
  ];
  return [...new Set(out)];
}

/** What POST /api/users accepts: the request that made an anonymous administrator. */
const ADMIN_BODY = JSON.stringify({
  username: 'intruder',
  displayName: 'x',
  role: 'admin',
  email: 'x@example.org',
  password: 'Zq8!unrelated-strong-pass'
});

describe('every route, every spelling, no session: 401 or 404 and nothing written', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ demo: true });
  });
  afterAll(() => server.close());

  it("the issue's own requests are refused", async () => {
    const before = rowCounts(server.db);
    const created = await rawRequest(server.url, {
      method: 'POST',
      path: '/%61pi/users',
      headers: { 'content-type': 'application/json' },
      body: ADMIN_BODY
    });
    expect(created.status).toBe(401);
    const csv = await rawRequest(server.url, { path: '/%61pi/audit.csv' });
    expect(csv.status).toBe(401);
    expect(csv.body).not.toMatch(/auth\.login/);
    expect(rowCounts(server.db)).toEqual(before);
    expect(server.db.prepare("SELECT count(*) FROM users WHERE username = 'intruder'").pluck().get()).toBe(0);
  });

  it('walks the route table: every non-public route in every spelling answers 401 or 404', async () => {
    const before = rowCounts(server.db);
    const routes = server.app.apiRoutes.filter((r) => !r.public);
    expect(routes.length).toBeGreaterThan(25);
    const seen: string[] = [];
    for (const route of routes) {
      const methods = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
      for (const path of spellings(concrete(route.url))) {
        for (const method of methods) {
          const write = method !== 'GET' && method !== 'HEAD';
          const res = await rawRequest(server.url, {
            method,
            path,
            headers: write ? { 'content-type': 'application/json' } : {},
            body: write ? (route.url === '/api/users' ? ADMIN_BODY : '{}') : undefined
          });
          seen.push(`${method} ${path} -> ${res.status}`);
          expect([401, 404], `${method} ${path} (route ${route.method} ${route.url})`).toContain(res.status);
          if (res.status === 404 && method === 'GET')
            expect(res.headers['content-type'], `${method} ${path}`).toMatch(/application\/json/);
        }
      }
    }
    expect(seen.length).toBeGreaterThan(600);
    expect(rowCounts(server.db)).toEqual(before);
  });

  it('OPTIONS and unknown methods reach no handler', async () => {
    for (const method of ['OPTIONS', 'PROPFIND', 'TRACE']) {
      for (const path of ['/api/users', '/%61pi/users', '/api/audit.csv']) {
        const res = await rawRequest(server.url, { method, path });
        expect([400, 401, 404, 405], `${method} ${path}`).toContain(res.status);
      }
    }
  });

  it("public routes are exactly the declared ones: health, sign-in, the demo-account list, the unsubscribe link, and the SPA's files", () => {
    const open = server.app.apiRoutes
      .filter((r) => r.public && r.url.startsWith('/api'))
      .map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([
      'GET /api/auth/demo-accounts',
      'GET /api/digest/unsubscribe',
      'GET /api/health',
      'POST /api/auth/login',
      'POST /api/digest/unsubscribe'
    ]);
    const files = server.app.apiRoutes.filter((r) => r.public && !r.url.startsWith('/api'));
    expect(files.length).toBeGreaterThan(3);
    expect(files.every((r) => r.method === 'GET')).toBe(true);
  });

  it('serves the SPA shell only for plain page paths', async () => {
    for (const path of ['/', '/indicators/salaries', '/digests/3', '/unsubscribe?token=abc']) {
      const res = await rawRequest(server.url, { path });
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/text\/html/);
    }
    for (const path of [
      '/%2561pi/users',
      '/Api/users',
      '/api',
      '/api/',
      '//evil.example',
      '/%2e%2e/etc/passwd',
      '/..%2f..%2fetc/passwd',
      '/.env',
      '/x/../../etc/passwd'
    ]) {
      const res = await rawRequest(server.url, { path });
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toMatch(/root:|<html/i);
    }
  });
});
