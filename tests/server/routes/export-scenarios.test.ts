// Scenario probabilities out, over real HTTP: the numbers the scenario charts show (the fit
// endpoint's), per day, week, month or quarter, as JSON and as CSV through the shared writer.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../server/auth/auth-plugin.js';
import { copyOfFixtureCatalogue, tempDir } from '../../support/test-catalogue.js';
import { observationInput } from '../../support/test-db.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

type Point = {
  start: string;
  end: string;
  at: string;
  leading: string;
  evidence: number;
  scenarios: { scenarioId: string; probability: number; words: string }[];
};
const HOSTILE_TITLE = '=Contained, "managed" decline';
const round = (p: number) => Math.round(p * 1e9) / 1e9;

describe('GET /api/export/scenarios.csv and .json', () => {
  const tmp = tempDir();
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  let base: string;
  beforeAll(async () => {
    const catalogue = copyOfFixtureCatalogue(tmp.dir);
    catalogue.edit('scenarios.yaml', (text) => text.replace('title: Contained decline', `title: '${HOSTILE_TITLE}'`));
    t = await testApp({ catalogueDir: catalogue.dir });
    officer = await signIn(t.app, 'watch_officer');
    for (const o of [
      { observedAt: '2023-10-20', level: 2 },
      { observedAt: '2023-12-03', level: 5 },
      { indicatorId: 'attacks', observedAt: '2024-01-15', level: 4 }
    ]) {
      expect(
        (await officer.inject({ method: 'POST', url: '/api/observations', payload: observationInput(o) })).statusCode
      ).toBe(201);
    }
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await t.close();
    tmp.remove();
  });

  const get = (path: string, cookie = `${SESSION_COOKIE}=${officer.cookie}`) =>
    fetch(`${base}${path}`, { headers: { cookie } });
  const json = async (path: string) => (await get(path)).json();
  const byAt = (points: Point[]) => new Map(points.map((p) => [p.at, p.scenarios.map((s) => round(s.probability))]));

  it.each(['week', 'month', 'quarter'])('per %s, equals the fit endpoint point for point', async (period) => {
    const range = `from=2023-09-01&to=2024-01-31&period=${period}`;
    const [exported, fit] = await Promise.all([
      json(`/api/export/scenarios.json?${range}`),
      json(`/api/scenarios/fit?${range}`)
    ]);
    expect(exported).toMatchObject({ period, from: '2023-09-01', to: '2024-01-31' });
    expect(exported.points.map((p: Point) => [p.start, p.end, p.at, p.leading, p.evidence])).toEqual(
      fit.points.map((p: Point) => [p.start, p.end, p.at, p.leading, p.evidence])
    );
    expect(byAt(exported.points)).toEqual(byAt(fit.points));
  });

  it('per day, every month end carries the monthly value; days with evidence count it', async () => {
    const daily: Point[] = (await json('/api/export/scenarios.json?from=2023-09-01&to=2024-01-31&period=day')).points;
    expect(daily).toHaveLength(153);
    expect(daily.every((p) => p.start === p.at && p.end === p.at)).toBe(true);
    const monthly = byAt((await json('/api/scenarios/fit?from=2023-09-01&to=2024-01-31&period=month')).points);
    const days = byAt(daily);
    for (const [at, probabilities] of monthly) expect(days.get(at)).toEqual(probabilities);
    expect(daily.filter((p) => p.evidence > 0).map((p) => p.at)).toEqual(['2023-10-20', '2023-12-03', '2024-01-15']);
  });

  it('writes one CSV row per period and scenario, quoting and defusing a hostile title, as a dated download', async () => {
    const res = await get('/api/export/scenarios.csv?from=2023-11-01&to=2024-01-31&period=month');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="watchfloor-scenarios-2024-02-01.csv"');
    const body = await res.text();
    expect(body.split('\r\n')[0]).toBe(
      'period,start,end,at,scenarioId,scenario,probability,words,inconsistency,leading,evidence'
    );
    expect(body).toContain(`"'=Contained, ""managed"" decline"`);
    const rows = parse(body, { columns: true }) as Record<string, string>[];
    const exported = (await json('/api/export/scenarios.json?from=2023-11-01&to=2024-01-31&period=month'))
      .points as Point[];
    expect(rows).toHaveLength(exported.length * 2);
    expect(rows[0]).toMatchObject({
      period: 'month',
      start: '2023-11-01',
      end: '2023-11-30',
      at: '2023-11-30',
      scenarioId: 'decline',
      scenario: `'${HOSTILE_TITLE}`
    });
    rows.forEach((r, k) => {
      const point = exported[Math.floor(k / 2)];
      const s = point.scenarios[k % 2];
      expect([r.scenarioId, round(Number(r.probability)), r.words, r.leading]).toEqual([
        s.scenarioId,
        round(s.probability),
        s.words,
        String(point.leading === s.scenarioId)
      ]);
    });
  });

  it.each([
    ['period=year', 'period'],
    ['from=2024-02-01&to=2024-01-01', 'from'],
    ['from=1990-01-01&to=2024-01-01&period=day', 'from'],
    ['to=31-01-2024', 'to']
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const res = await get(`/api/export/scenarios.csv?${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).issues[0].path).toBe(field);
  });

  it('needs a session', async () => {
    expect((await get('/api/export/scenarios.json', '')).status).toBe(401);
  });
});
