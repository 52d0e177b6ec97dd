import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observationInput } from '../../support/test-db.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

describe('GET /api/export/…', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  let admin: Client;
  let corrected: number;
  beforeAll(async () => {
    t = await testApp();
    officer = await signIn(t.app, 'watch_officer');
    admin = await signIn(t.app, 'admin');
    const record = async (o: Parameters<typeof observationInput>[0]) =>
      (await officer.inject({ method: 'POST', url: '/api/observations', payload: observationInput(o) })).json();
    corrected = (await record({ observedAt: '2023-11-05', level: 2 })).id;
    await record({
      observedAt: '2023-11-05',
      level: 4,
      supersedes: corrected,
      rationale: '=HYPERLINK("http://evil.example/")'
    });
    await record({ observedAt: '2024-01-10', level: 3 });
    await record({ indicatorId: 'attacks', observedAt: '2023-12-20', level: 5 });
  });
  afterAll(() => t.close());

  const get = (url: string, who: Client = officer) => who.inject({ method: 'GET', url });
  const csvRows = (body: string) => parse(body, { columns: true }) as Record<string, string>[];

  it('exports current observations as CSV through the shared writer, as a dated download', async () => {
    const res = await get('/api/export/observations.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="watchfloor-observations-2024-02-01.csv"');
    const rows = csvRows(res.body);
    expect(rows.map((r) => [r.indicatorId, r.observedAt, r.level])).toEqual([
      ['attacks', '2023-12-20', '5'],
      ['salaries', '2023-11-05', '4'],
      ['salaries', '2024-01-10', '3']
    ]);
    // A formula in a rationale stays text in a spreadsheet.
    expect(rows[1].rationale).toBe(`'=HYPERLINK("http://evil.example/")`);
    expect(rows[1]).toMatchObject({
      source: 'Field report',
      reliability: 'B',
      credibility: '2',
      weight: '0.64',
      supersedes: String(corrected),
      recordedBy: officer.username
    });
  });

  it('filters by indicator, family, dates, and includes superseded observations on request', async () => {
    const ids = async (query: string) =>
      (await get(`/api/export/observations.json?${query}`))
        .json()
        .map((o: { observedAt: string; level: number }) => `${o.observedAt}:${o.level}`);
    expect(await ids('indicatorId=salaries')).toEqual(['2023-11-05:4', '2024-01-10:3']);
    expect(await ids('indicatorId=salaries&includeSuperseded=true')).toEqual([
      '2023-11-05:2',
      '2023-11-05:4',
      '2024-01-10:3'
    ]);
    expect(await ids('familyId=tempo')).toEqual(['2023-12-20:5']);
    expect(await ids('from=2023-12-01&to=2023-12-31')).toEqual(['2023-12-20:5']);
    const json = await get('/api/export/observations.json');
    expect(json.headers['content-disposition']).toContain('watchfloor-observations-2024-02-01.json');
  });

  it.each([
    ['indicatorId=no-such', 'indicatorId'],
    ['familyId=no-such', 'familyId'],
    ['from=2024-02-01&to=2024-01-01', 'from'],
    ['from=yesterday', 'from'],
    ['includeSuperseded=yes', 'includeSuperseded']
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const res = await get(`/api/export/observations.csv?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe(field);
  });

  it('exports series per indicator, per family with its composite first, as JSON and CSV', async () => {
    const one = (
      await get('/api/export/series.json?indicatorId=salaries&period=month&from=2023-11-01&to=2024-01-31')
    ).json();
    expect(one).toMatchObject({ period: 'month', from: '2023-11-01', to: '2024-01-31' });
    expect(one.series.map((s: { id: string }) => s.id)).toEqual(['salaries']);
    expect(
      one.series[0].points.map((p: { reading: number | null; carried: boolean }) => [p.reading, p.carried])
    ).toEqual([
      [4, false],
      [4, true],
      [3, false]
    ]);
    const family = (await get('/api/export/series.json?familyId=funding&from=2023-11-01&to=2024-01-31')).json();
    expect(family.series.map((s: { id: string; kind: string }) => `${s.kind}:${s.id}`)).toEqual([
      'composite:funding',
      'indicator:salaries',
      'indicator:transfers'
    ]);
    const csv = csvRows((await get('/api/export/series.csv?familyId=funding&from=2023-11-01&to=2024-01-31')).body);
    expect(csv).toHaveLength(9);
    expect(csv[3]).toMatchObject({
      seriesId: 'salaries',
      kind: 'indicator',
      period: 'month',
      start: '2023-11-01',
      end: '2023-11-30',
      reading: '4',
      carried: 'false'
    });
    expect((await get('/api/export/series.csv?familyId=funding&indicatorId=salaries')).statusCode).toBe(400);
  });

  it('exports the audit trail to administrators only; GET /api/audit.csv still works', async () => {
    expect((await get('/api/export/audit.csv')).statusCode).toBe(403);
    expect((await get('/api/export/audit.json')).statusCode).toBe(403);
    const csv = csvRows((await get('/api/export/audit.csv?action=observation.record', admin)).body);
    expect(csv).toHaveLength(3);
    expect(JSON.parse(csv[0].after)).toMatchObject({ indicatorId: 'attacks' });
    const json = (await get('/api/export/audit.json?action=observation.correct', admin)).json();
    expect(json).toHaveLength(1);
    const legacy = await get('/api/audit.csv', admin);
    expect(legacy.statusCode).toBe(200);
    expect(legacy.body.split('\r\n')[0]).toBe('id,at,actor,action,entity,entity_id,before,after');
  });

  it('exports the whole catalogue: topic, documents, families with their indicators, scenarios', async () => {
    const res = await get('/api/export/catalogue.json');
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.topic.id).toBe('test-topic');
    expect(
      c.families.map((f: { id: string; indicators: { id: string }[] }) => [f.id, f.indicators.map((i) => i.id)])
    ).toEqual(
      expect.arrayContaining([
        ['funding', ['salaries', 'transfers']],
        ['tempo', ['attacks']]
      ])
    );
    expect(c.families[0].indicators[0].bands.length).toBe(c.scenarios.length);
    expect(c.scenarios.map((s: { id: string }) => s.id)).toEqual(['decline', 'resurgence']);
  });

  it('needs a session', async () => {
    for (const url of ['/api/export/observations.csv', '/api/export/series.json', '/api/export/catalogue.json']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});
