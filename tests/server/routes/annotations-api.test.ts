import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../server/auth/auth-plugin.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

const note = (o: Record<string, unknown> = {}) => ({
  startsOn: '2023-11-01',
  text: 'Pakistan begins mass expulsions',
  scope: 'all',
  source: 'Field report',
  ...o
});

describe('/api/annotations', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  let manager: Client;
  beforeAll(async () => {
    t = await testApp();
    officer = await signIn(t.app, 'watch_officer');
    manager = await signIn(t.app, 'manager');
  });
  afterAll(() => t.close());

  const post = (body: unknown, url = '/api/annotations', who = officer) =>
    who.inject({ method: 'POST', url, payload: body as object });
  const list = async (query = '') =>
    (await manager.inject({ method: 'GET', url: `/api/annotations${query}` })).json() as { id: number; text: string }[];
  const texts = async (query = '') => (await list(query)).map((a) => a.text);

  it('records point and range notes with scope and source, audited, and lists them by date', async () => {
    const point = await post(note());
    expect(point.statusCode).toBe(201);
    expect(point.json()).toMatchObject({
      startsOn: '2023-11-01',
      endsOn: null,
      scope: 'all',
      familyId: null,
      createdBy: { username: officer.username },
      retired: null,
      demo: false
    });
    const range = await post(
      note({
        startsOn: '2023-09-01',
        endsOn: '2023-09-30',
        text: 'Funding squeeze',
        scope: 'family',
        familyId: 'funding',
        sourceUrl: 'https://example.org/r'
      })
    );
    expect(range.statusCode).toBe(201);
    await post(note({ startsOn: '2023-10-15', text: 'Salaries cut', scope: 'indicator', indicatorId: 'salaries' }));
    await post(note({ startsOn: '2023-10-20', text: 'Attack wave', scope: 'indicator', indicatorId: 'attacks' }));
    const audit = t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'annotation.create'").pluck().get();
    expect(audit).toBe(4);
    expect(await texts()).toEqual([
      'Funding squeeze',
      'Salaries cut',
      'Attack wave',
      'Pakistan begins mass expulsions'
    ]);
  });

  it('answers the notes a chart shows: an indicator’s, a family’s, or the all-charts ones', async () => {
    expect(await texts('?indicatorId=salaries')).toEqual([
      'Funding squeeze',
      'Salaries cut',
      'Pakistan begins mass expulsions'
    ]);
    expect(await texts('?indicatorId=attacks')).toEqual(['Attack wave', 'Pakistan begins mass expulsions']);
    expect(await texts('?familyId=funding')).toEqual([
      'Funding squeeze',
      'Salaries cut',
      'Pakistan begins mass expulsions'
    ]);
    expect(await texts('?scope=all')).toEqual(['Pakistan begins mass expulsions']);
    expect((await manager.inject({ method: 'GET', url: '/api/annotations?indicatorId=nope' })).statusCode).toBe(400);
  });

  it('corrects by superseding and retires with a reason; neither deletes, both are audited', async () => {
    const original = (await list()).find((a) => a.text === 'Salaries cut')!;
    const corrected = await post(
      note({ startsOn: '2023-10-16', text: 'Salaries cut by a third', scope: 'indicator', indicatorId: 'salaries' }),
      `/api/annotations/${original.id}/correct`
    );
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json().supersedes).toBe(original.id);
    expect((await post(note(), `/api/annotations/${original.id}/correct`)).statusCode).toBe(409);
    const retired = await post(
      { reason: 'Duplicate of a family note' },
      `/api/annotations/${corrected.json().id}/retire`
    );
    expect(retired.statusCode).toBe(200);
    expect(retired.json().retired).toMatchObject({
      reason: 'Duplicate of a family note',
      by: { username: officer.username }
    });
    expect((await post({ reason: 'again' }, `/api/annotations/${corrected.json().id}/retire`)).statusCode).toBe(409);
    expect((await post({ reason: 'x' }, '/api/annotations/99999/retire')).statusCode).toBe(404);
    expect(await texts('?indicatorId=salaries')).toEqual(['Funding squeeze', 'Pakistan begins mass expulsions']);
    const everything = await texts('?indicatorId=salaries&includeInactive=true');
    expect(everything).toEqual(expect.arrayContaining(['Salaries cut', 'Salaries cut by a third']));
    const actions = t.db.prepare("SELECT action FROM audit_log WHERE entity = 'annotation' ORDER BY id").pluck().all();
    expect(actions.slice(-2)).toEqual(['annotation.correct', 'annotation.retire']);
    expect(() => t.db.prepare('DELETE FROM annotations').run()).toThrow(/append-only/);
  });

  it.each([
    [note({ startsOn: '2023-02-30' }), 'startsOn'],
    [note({ endsOn: '2023-10-01' }), 'endsOn'],
    [note({ text: '' }), 'text'],
    [note({ text: 'x'.repeat(1001) }), 'text'],
    [note({ text: 'hidden \u202E text' }), 'text'],
    [note({ source: 'bell\u0007' }), 'source'],
    [note({ scope: 'family' }), 'familyId'],
    [note({ scope: 'indicator', indicatorId: 'no-such' }), 'indicatorId'],
    [note({ scope: 'all', familyId: 'funding' }), 'familyId'],
    [note({ scope: 'everywhere' }), 'scope'],
    [note({ sourceUrl: 'javascript:alert(1)' }), 'sourceUrl']
  ])('refuses bad input with 400 naming the field (%#)', async (body, field) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it('lists the annotations that still stand in the next digest, escaped in its HTML part', async () => {
    await post(note({ startsOn: '2023-12-01', text: 'Cell <b>dismantled</b> & moved' }));
    const preview = (await manager.inject({ method: 'GET', url: '/api/digests/preview' })).json();
    // The latest events first, at most three, the rest counted: the digest stays short.
    const listed = Number(/NEW ANNOTATIONS \((\d+)\)/.exec(preview.text)![1]);
    expect(listed).toBeGreaterThan(3);
    expect(preview.text).toContain(`and ${listed - 3} more`);
    expect(preview.text).toContain('2023-12-01 (all charts): Cell <b>dismantled</b> & moved');
    expect(preview.text).not.toContain('Salaries cut by a third');
    const html = (await manager.inject({ method: 'GET', url: '/api/digests/preview/html' })).body;
    expect(html).toContain('New annotations');
    // Escaped as the template escapes text: & and < (a > without its < opens nothing).
    expect(html).toContain('Cell &lt;b>dismantled&lt;/b> &amp; moved');
    expect(html).not.toContain('<b>dismantled');
  });

  it('lets officers and admins write, everyone signed in read, nobody without CSRF', async () => {
    expect((await post(note(), '/api/annotations', manager)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/annotations' })).statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/annotations',
      cookies: { [SESSION_COOKIE]: officer.cookie },
      payload: note()
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await post(note(), '/api/annotations/abc/retire')).statusCode).toBe(400);
  });
});
