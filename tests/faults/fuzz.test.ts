// Property-based fuzzing of every API route over real HTTP (inject), as each role: no 5xx, and data
// changes only through accepted writes. Responses are checked against their schemas by the app's own
// serializer (fastify-type-provider-zod), which turns a mismatch into a 500: counted here as a failure.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, Observation, User, type Role } from '../../server/schemas/index.js';
import { signIn, TEST_PASSWORD, type Client } from '../support/sign-in.js';
import { testApp } from '../support/test-app.js';
import { observationInput } from '../support/test-db.js';

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\u0007bell',
  '\u001b[31mred',
  'a\u202eevil\u202c',
  '\u2066iso\u2069',
  '\ud800',
  '\uFEFF',
  'Ｓａｌａｒｉｅｓ',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '../../etc/passwd',
  '%2e%2e%2f',
  "' OR 1=1 --",
  '"; DROP TABLE observations; --',
  '<script>alert(1)</script>',
  '${7*7}',
  'salaries',
  '2024-02-30',
  '9999-12-31',
  '1e309',
  'NaN',
  '-0',
  'x'.repeat(5000)
];
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 })
);
const hugeNumber = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, -1, 0, -0, 0.5, 1e-320);
const value: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hugeNumber,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 })
);

/** A valid body per write route (the fixture database's ids), mutated by the fuzzer. */
const VALID: Record<string, () => Record<string, unknown>> = {
  'POST /api/observations': () => ({ ...observationInput({ rationale: 'fuzz' }) }),
  'POST /api/sources': () => ({ name: 'Fuzz source', kind: 'other' }),
  'PATCH /api/sources/:id': () => ({ name: 'Renamed source' }),
  'POST /api/sources/:id/grades': () => ({ reliability: 'C', rationale: 'Regraded after review.' }),
  'POST /api/users': () => ({
    username: 'fuzz-user',
    displayName: 'Fuzz',
    role: 'manager',
    password: 'another-long-secret-1'
  }),
  'PATCH /api/users/:id': () => ({ displayName: 'Renamed' }),
  'POST /api/users/:id/password': () => ({ password: 'another-long-secret-2' }),
  'PUT /api/digest/subscriptions/:id': () => ({ subscribed: true }),
  'PUT /api/digest/subscription': () => ({ subscribed: false }),
  'POST /api/warnings/:id/acknowledge': () => ({ note: 'seen' }),
  'POST /api/auth/login': () => ({ username: 'nobody', password: 'wrong-password-here' })
};
const QUERY_KEYS = [
  'from',
  'to',
  'step',
  'state',
  'limit',
  'actor',
  'action',
  'entity',
  'token',
  'indicatorId',
  'level',
  'asOf',
  'scenario',
  '__proto__'
];
const ID = fc.oneof(
  fc.constantFrom('1', '2', '3', '0', '-1', '1e3', '99999999999999999999', 'salaries', 'funding', 'decline'),
  hostileString
);

/** A body: the route's valid one, the valid one with one field made hostile, or anything at all. */
const bodyFor = (key: string): fc.Arbitrary<string> => {
  const valid = VALID[key]?.() ?? {};
  const fields = Object.keys(valid);
  const mutated = fields.length
    ? fc.tuple(fc.constantFrom(...fields), value).map(([f, v]) => JSON.stringify({ ...valid, [f]: v }))
    : fc.constant('{}');
  return fc.oneof(
    fc.constant(JSON.stringify(valid)),
    mutated,
    value.map((v) => JSON.stringify(v) ?? 'null'),
    fc.constantFrom(
      '{"__proto__":{"role":"admin"}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '{',
      '[]',
      '"x"',
      'null'
    )
  );
};

const request = (key: string) =>
  fc.record({
    role: fc.constantFrom<Role | 'anonymous'>(...ROLES, 'anonymous'),
    id: ID,
    query: fc.dictionary(fc.constantFrom(...QUERY_KEYS), hostileString, { maxKeys: 3 }),
    body: bodyFor(key)
  });

describe('fuzzing every API route', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const clients = {} as Record<Role, Client>;
  const count = (table: string) => t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const counts = () => ({
    observations: count('observations'),
    sources: count('sources'),
    users: count('users'),
    audit: count('audit_log')
  });
  /** The fuzzer may disable, demote or re-password its own accounts: put them back and sign in afresh. */
  const restoreAccounts = async () => {
    for (const role of ROLES) {
      const u = t.app.store.users.byUsername(`test-${role.replace('_', '-')}`);
      if (u && (u.role !== role || u.disabled))
        t.app.accounts.update(u.id, { role, disabled: false }, { now: t.app.clock(), actor: 'test' });
      const me = clients[role] && (await clients[role].inject({ method: 'GET', url: '/api/auth/me' }));
      if (!me || me.statusCode !== 200 || me.json().user.role !== role) {
        // A valid password reset by the fuzzer ends the session and changes the password: set it back.
        if (u) await t.app.accounts.resetPassword(u.id, TEST_PASSWORD, { now: t.app.clock(), actor: 'test' });
        clients[role] = await signIn(t.app, role);
      }
    }
  };
  beforeAll(async () => {
    t = await testApp();
    await restoreAccounts();
  });
  afterAll(() => t.close());

  it('refuses a body that is not an object (null, a list, a number) with 400, not a crash', async () => {
    for (const [url, payload] of ['/api/observations', '/api/annotations', '/api/annotations/1/correct'].flatMap((u) =>
      ['null', '[]', '7', '"text"'].map((p) => [u, p])
    )) {
      const res = await clients.watch_officer.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': 'application/json' }
      });
      expect(res.statusCode, `${url} ${payload}`).toBe(400);
      expect(res.json().issues.length, `${url} ${payload}`).toBeGreaterThan(0);
    }
  });

  it('answers no 5xx, keeps 2xx bodies to their schemas, and changes data only through accepted writes', async () => {
    const routes = t.app.apiRoutes.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/auth/logout');
    expect(routes.length).toBeGreaterThan(30);
    const statuses = new Map<number, number>();
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      await fc.assert(
        fc.asyncProperty(request(key), async ({ role, id, query, body }) => {
          const url =
            route.url.replace(':id', encodeURIComponent(id.toWellFormed())) +
            '?' +
            new URLSearchParams(query).toString();
          const before = counts();
          const send = role === 'anonymous' ? t.app.inject.bind(t.app) : clients[role].inject;
          const res = await send({
            method: route.method as 'POST',
            url,
            ...(route.method === 'GET' ? {} : { payload: body, headers: { 'content-type': 'application/json' } })
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          expect(
            res.statusCode,
            `${key} as ${role}: ${url} ${body.slice(0, 200)} → ${res.body.slice(0, 300)}`
          ).toBeLessThan(500);
          const after = counts();
          if (res.statusCode >= 300 || route.method === 'GET') {
            // Refused writes and every read leave the data alone (a failed sign-in may leave an audit row).
            expect({ ...after, audit: 0 }, `${key} as ${role} → ${res.statusCode}`).toEqual({ ...before, audit: 0 });
            if (route.url !== '/api/auth/login') expect(after.audit).toBe(before.audit);
          } else {
            expect(after.audit, `${key}: an accepted write is audited`).toBeGreaterThanOrEqual(before.audit);
          }
          if (key === 'POST /api/observations' && res.statusCode === 201) {
            Observation.parse(res.json());
            expect(after.observations).toBe(before.observations + 1);
          }
          if (key === 'POST /api/users' && res.statusCode === 201) User.parse(res.json());
          if (route.url.startsWith('/api/users') && route.method !== 'GET') await restoreAccounts();
        }),
        { numRuns: VALID[key] ? 30 : 12 }
      );
    }
    // The run reached the routes' handlers, not only their gates.
    expect(statuses.get(200)).toBeGreaterThan(50);
    expect(statuses.get(400)).toBeGreaterThan(50);
  }, 120_000);
});
