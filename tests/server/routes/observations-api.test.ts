import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../../server/app.js';
import { observationInput } from '../../support/test-db.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

describe('POST /api/observations', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  beforeAll(async () => {
    t = await testApp();
    officer = await signIn(t.app, 'watch_officer');
  });
  afterAll(() => t.close());

  const post = (payload: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    officer.inject({
      method: 'POST',
      url: '/api/observations',
      headers,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload)
    });
  const count = () => t.db.prepare('SELECT count(*) FROM observations').pluck().get();

  it('stores a valid observation and answers 201 with it', async () => {
    const res = await post(observationInput({ quantity: 12 }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ indicatorId: 'salaries', level: 3, quantity: 12, weight: 0.64, demo: false });
    const list = await officer.inject({ method: 'GET', url: '/api/indicators/salaries/observations' });
    expect(list.json().map((o: { id: number }) => o.id)).toContain(res.json().id);
  });

  it('stores a correction that supersedes the original', async () => {
    const original = (await post(observationInput({ level: 2 }))).json();
    const correction = await post(observationInput({ level: 4, supersedes: original.id }));
    expect(correction.statusCode).toBe(201);
    const list = (await officer.inject({ method: 'GET', url: '/api/indicators/salaries/observations' })).json();
    expect(list.find((o: { id: number }) => o.id === original.id).supersededBy).toBe(correction.json().id);
    expect((await post(observationInput({ supersedes: original.id }))).statusCode).toBe(409);
  });

  const longText = 'x'.repeat(4001);
  it.each([
    ['unknown indicator', observationInput({ indicatorId: 'no-such' }), 400, 'indicatorId'],
    ['level above 5', observationInput({ level: 6 }), 400, 'level'],
    ['level below 1', observationInput({ level: 0 }), 400, 'level'],
    ['fractional level', observationInput({ level: 2.5 }), 400, 'level'],
    ['level as text', { ...observationInput(), level: 'high' }, 400, 'level'],
    ['malformed date', observationInput({ observedAt: '15/01/2024' }), 400, 'observedAt'],
    ['impossible date', observationInput({ observedAt: '2023-02-30' }), 400, 'observedAt'],
    ['date in the future', observationInput({ observedAt: '2024-03-01' }), 400, 'observedAt'],
    ['missing reliability', { ...observationInput(), reliability: undefined }, 400, 'reliability'],
    ['unknown reliability', { ...observationInput(), reliability: 'G' }, 400, 'reliability'],
    ['missing credibility', { ...observationInput(), credibility: undefined }, 400, 'credibility'],
    ['credibility above 6', observationInput({ credibility: 7 }), 400, 'credibility'],
    ['empty rationale', observationInput({ rationale: '   ' }), 400, 'rationale'],
    ['oversized rationale', observationInput({ rationale: longText }), 400, 'rationale'],
    ['missing source', { ...observationInput(), source: undefined }, 400, 'source'],
    ['source without a title', observationInput({ source: { title: '' } }), 400, 'source.title'],
    [
      'source address that is not http',
      observationInput({ source: { title: 'x', url: 'javascript:alert(1)' } }),
      400,
      'source.url'
    ],
    ['quantity as text', { ...observationInput(), quantity: 'many' }, 400, 'quantity'],
    ['correction of nothing', observationInput({ supersedes: 99999 }), 400, 'supersedes']
  ])('refuses %s with %s naming "%s", and writes nothing', async (_what, body, status, path) => {
    const before = count();
    const res = await post(body);
    expect(res.statusCode).toBe(status);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(res.json().message).toMatch(new RegExp(path.replace('.', '\\.')));
    expect(count()).toBe(before);
  });

  it.each([
    ['malformed JSON', '{"indicatorId": ', { 'content-type': 'application/json' }, 400],
    ['a plain-text body', 'level=3', { 'content-type': 'text/plain' }, 415],
    ['a form body', 'level=3', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['an empty JSON body', '', { 'content-type': 'application/json' }, 400],
    [
      'a body above the limit',
      JSON.stringify({ ...observationInput(), rationale: 'y'.repeat(BODY_LIMIT) }),
      { 'content-type': 'application/json' },
      413
    ]
  ])('refuses %s with %s and a JSON message about the body', async (_what, payload, headers, status) => {
    const before = count();
    const res = await post(payload, headers);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json().message).toBeTruthy();
    expect(res.body).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(count()).toBe(before);
  });
});
