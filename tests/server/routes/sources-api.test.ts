import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';
import { observationInput } from '../../support/test-db.js';

describe('sources API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  beforeAll(async () => {
    t = await testApp();
    officer = await signIn(t.app, 'watch_officer');
  });
  afterAll(() => t.close());
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    officer.inject({ method, url, payload });

  it('creates a source with a grade, regrades it keeping the history, and renames it', async () => {
    const created = await call('POST', '/api/sources', {
      name: 'Kabul stringer',
      kind: 'human',
      reliability: 'C',
      rationale: 'New contact'
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      name: 'Kabul stringer',
      kind: 'human',
      url: null,
      reliability: 'C',
      observationCount: 0
    });

    const regraded = await call('POST', `/api/sources/${id}/grades`, {
      reliability: 'B',
      rationale: 'Two years of corroborated reports'
    });
    expect(regraded.statusCode).toBe(201);
    expect(regraded.json().reliability).toBe('B');
    expect(regraded.json().grades.map((g: { reliability: string }) => g.reliability)).toEqual(['B', 'C']);

    const renamed = await call('PATCH', `/api/sources/${id}`, { name: 'Kabul stringer 1', url: 'https://example.org' });
    expect(renamed.json()).toMatchObject({ name: 'Kabul stringer 1', url: 'https://example.org', reliability: 'B' });
    expect((await call('GET', '/api/sources')).json().map((s: { id: number }) => s.id)).toContain(id);
  });

  it('an observation can cite a known source by id, and a cited source cannot be deleted', async () => {
    const { id } = (await call('POST', '/api/sources', { name: 'Ministry statement', kind: 'official' })).json();
    const { source: _source, ...input } = observationInput();
    const obs = await call('POST', '/api/observations', { ...input, sourceId: id });
    expect(obs.statusCode).toBe(201);
    expect(obs.json().source.id).toBe(id);
    const del = await call('DELETE', `/api/sources/${id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toMatch(/cited by 1 observation/);
  });

  it('deletes an uncited source', async () => {
    const { id } = (await call('POST', '/api/sources', { name: 'Rumour mill' })).json();
    expect((await call('DELETE', `/api/sources/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/sources/${id}`)).statusCode).toBe(404);
  });

  it.each([
    ['POST', '/api/sources', { name: '' }, 400, 'name'],
    ['POST', '/api/sources', { name: 'x', kind: 'gossip' }, 400, 'kind'],
    ['POST', '/api/sources', { name: 'x', url: 'ftp://x' }, 400, 'url'],
    ['POST', '/api/sources/1/grades', { reliability: 'Z', rationale: 'r' }, 400, 'reliability'],
    ['PATCH', '/api/sources/1', {}, 400, ''],
    ['GET', '/api/sources/abc', undefined, 400, 'id'],
    ['POST', '/api/observations', { ...observationInput(), source: undefined, sourceId: 9999 }, 404, 'sourceId'],
    ['POST', '/api/observations', { ...observationInput(), source: undefined }, 400, 'source']
  ] as const)('%s %s refuses bad input with %s naming "%s"', async (method, url, body, status, path) => {
    const res = await call(method, url, body);
    expect(res.statusCode).toBe(status);
    expect(res.json().issues[0].path).toBe(path);
  });

  it('refuses a second source with the same name and address', async () => {
    await call('POST', '/api/sources', { name: 'Twin' });
    expect((await call('POST', '/api/sources', { name: 'Twin' })).statusCode).toBe(409);
  });
});
