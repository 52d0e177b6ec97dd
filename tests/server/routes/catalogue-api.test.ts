import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';
import { observationInput } from '../../support/test-db.js';

describe('catalogue, series and overview API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  beforeAll(async () => {
    t = await testApp({ demo: true });
    officer = await signIn(t.app, 'watch_officer');
  });
  afterAll(() => t.close());
  const get = (url: string) => officer.inject({ method: 'GET', url });

  it('GET /api/health answers ok when the database answers', async () => {
    expect((await get('/api/health')).json()).toEqual({ status: 'ok', writable: true });
  });

  it('GET /api/indicators lists indicators with family and provenance', async () => {
    const list = (await get('/api/indicators')).json();
    expect(list.map((i: { id: string }) => i.id)).toEqual(['salaries', 'transfers', 'attacks']);
    expect(list[0].family).toEqual({ id: 'funding', title: 'Funding flows' });
    expect(list[0].provenance[0]).toEqual({
      document: 'doc-a.txt',
      documentTitle: 'Document A',
      section: 'Money',
      note: 'Salaries went unpaid.'
    });
  });

  it('GET /api/indicators/:id gives bands per scenario and whether they differ', async () => {
    const salaries = (await get('/api/indicators/salaries')).json();
    expect(salaries.bands).toEqual([
      { scenarioId: 'decline', scenarioTitle: 'Contained decline', band: [1, 2] },
      { scenarioId: 'resurgence', scenarioTitle: 'Resurgence', band: [3, 5] }
    ]);
    expect(salaries.distinguishesScenarios).toBe(true);
    expect((await get('/api/indicators/attacks')).json().distinguishesScenarios).toBe(false);
    const missing = await get('/api/indicators/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toMatch(/nope/);
  });

  it('GET /api/scenarios/:id carries the indicator × scenario matrix, flagging what nothing distinguishes', async () => {
    const decline = (await get('/api/scenarios/decline')).json();
    expect(decline).toMatchObject({ id: 'decline', prior: 0.6, signposts: ['Salaries unpaid'] });
    expect(decline.matrix.scenarios.map((s: { id: string }) => s.id)).toEqual(['decline', 'resurgence']);
    const attacks = decline.matrix.rows.find((r: { indicatorId: string }) => r.indicatorId === 'attacks');
    expect(attacks).toMatchObject({
      bands: [
        [2, 3],
        [2, 3]
      ],
      distinguishesScenarios: false
    });
    expect((await get('/api/scenarios')).json()).toHaveLength(2);
    expect((await get('/api/scenarios/nope')).statusCode).toBe(404);
    expect((await get('/api/families')).json().map((f: { indicatorIds: string[] }) => f.indicatorIds)).toEqual([
      ['salaries', 'transfers'],
      ['attacks']
    ]);
  });

  it('GET /api/indicators/:id/series gives weighted readings, carried periods flagged', async () => {
    const res = (await get('/api/indicators/salaries/series?period=quarter&from=2023-01-01&to=2023-12-31')).json();
    expect(res.points.map((p: { reading: number; carried: boolean }) => [p.reading, p.carried])).toEqual([
      [1, false],
      [1, true],
      [1, true],
      [3, false]
    ]);
    expect(res.points[1].confidence).toBeLessThan(res.points[0].confidence);
  });

  it('a new observation moves the series and the overview', async () => {
    await officer.inject({
      method: 'POST',
      url: '/api/observations',
      payload: observationInput({ observedAt: '2024-01-20', level: 5 })
    });
    const series = (await get('/api/indicators/salaries/series?period=month&from=2024-01-01&to=2024-01-31')).json();
    expect(series.points[0]).toMatchObject({ reading: 5, carried: false, observationCount: 1 });
    const overview = (await get('/api/overview')).json();
    const salaries = overview.families[0].indicators[0];
    expect(salaries).toMatchObject({
      latest: { level: 5, words: 'Paid with bonuses', demo: false },
      ageDays: 12,
      freshness: 'fresh'
    });
    expect(overview.demo).toEqual({ shown: true, observationCount: 3 });
    // The topic's own words for the ends of its level scale, from topic.yaml.
    expect(overview.topic.scale).toEqual({ low: 'calm', high: 'alarming' });
  });

  it.each([
    ['period=day', 'period'],
    ['from=2024-13-01', 'from'],
    ['to=yesterday', 'to'],
    ['from=2024-01-02&to=2024-01-01', 'from'],
    ['from=1900-01-01&period=week', 'from']
  ])('series refuses %s naming "%s"', async (query, path) => {
    const res = await get(`/api/indicators/salaries/series?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe(path);
  });

  it('unknown API paths answer 404 in JSON', async () => {
    const res = await get('/api/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ message: 'GET /api/nowhere does not exist' });
  });
});
