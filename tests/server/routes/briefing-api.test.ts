// GET /api/briefing: one answer holding what the printed briefing shows, read from the same
// assessment, series, annotations and warnings as the rest of the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observationInput } from '../../support/test-db.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

type Reading = { scenarioId: string; probability: number };
const round = (p: number) => Math.round(p * 1e9) / 1e9;
const probabilities = (scenarios: Reading[]) => scenarios.map((s) => round(s.probability));

describe('GET /api/briefing', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  beforeAll(async () => {
    t = await testApp();
    officer = await signIn(t.app, 'watch_officer');
    for (const o of [
      { observedAt: '2023-10-01', level: 2 },
      { observedAt: '2024-01-10', level: 5, rationale: 'Salaries paid in full, per two couriers.' },
      { indicatorId: 'attacks', observedAt: '2023-12-01', level: 3 },
      {
        indicatorId: 'attacks',
        observedAt: '2024-01-20',
        level: 4,
        source: { title: 'Wire' },
        reliability: 'C' as const,
        credibility: 3
      },
      { indicatorId: 'transfers', observedAt: '2023-06-01', level: 4 }
    ]) {
      expect(
        (await officer.inject({ method: 'POST', url: '/api/observations', payload: observationInput(o) })).statusCode
      ).toBe(201);
    }
    const note = { startsOn: '2024-01-05', text: 'Couriers resume payments', scope: 'all', source: 'Wire' };
    expect((await officer.inject({ method: 'POST', url: '/api/annotations', payload: note })).statusCode).toBe(201);
    const old = { ...note, startsOn: '2023-01-05', text: 'Before the range' };
    expect((await officer.inject({ method: 'POST', url: '/api/annotations', payload: old })).statusCode).toBe(201);
  });
  afterAll(() => t.close());
  const get = async (query: string) => officer.inject({ method: 'GET', url: `/api/briefing?${query}` });

  it('defaults to the 90 days up to today, by week', async () => {
    const b = (await get('')).json();
    expect(b).toMatchObject({ from: '2023-11-04', to: '2024-02-01', period: 'week', topic: { id: 'test-topic' } });
    expect(b.points).toHaveLength(14);
  });

  it('reads the scenario picture from the one assessment: start, end and the periods equal the fit', async () => {
    const b = (await get('from=2023-11-01&to=2024-01-31')).json();
    const fit = (
      await officer.inject({ method: 'GET', url: '/api/scenarios/fit?from=2023-11-01&to=2024-01-31&period=week' })
    ).json();
    expect(b.period).toBe('week');
    expect(b.points.map((p: { at: string; scenarios: Reading[] }) => [p.at, probabilities(p.scenarios)])).toEqual(
      fit.points.map((p: { at: string; scenarios: Reading[] }) => [p.at, probabilities(p.scenarios)])
    );
    expect(probabilities(b.end.scenarios)).toEqual(probabilities(fit.assessment.scenarios));
    expect(b.end.confidence.level).toBe(fit.assessment.confidence.level);
    const atStart = (
      await officer.inject({ method: 'GET', url: '/api/scenarios/fit?from=2023-11-01&to=2023-11-01&period=week' })
    ).json();
    expect(b.start.at).toBe('2023-11-01');
    expect(probabilities(b.start.scenarios)).toEqual(probabilities(atStart.assessment.scenarios));
  });

  it('charts the indicators that moved most, with their notes and the observations behind the move', async () => {
    const b = (await get('from=2023-11-01&to=2024-01-31')).json();
    // salaries moved 2 → 5, attacks 3 → 4; transfers had no reading in the range.
    expect(
      b.indicators.map((i: { id: string; first: number; last: number; change: number }) => [
        i.id,
        i.first,
        i.last,
        i.change
      ])
    ).toEqual([
      ['salaries', 2, 5, 3],
      ['attacks', 3, 4, 1]
    ]);
    const [salaries, attacks] = b.indicators;
    expect(salaries.family).toEqual({ id: 'funding', title: expect.any(String) });
    expect(salaries.observations.map((o: { observedAt: string }) => o.observedAt)).toEqual(['2024-01-10']);
    expect(
      attacks.observations.map(
        (o: { observedAt: string; source: { title: string }; reliability: string; credibility: number }) => [
          o.observedAt,
          o.source.title,
          o.reliability,
          o.credibility
        ]
      )
    ).toEqual([
      ['2024-01-20', 'Wire', 'C', 3],
      ['2023-12-01', 'Field report', 'B', 2]
    ]);
    expect(salaries.annotations.map((a: { text: string }) => a.text)).toEqual(['Couriers resume payments']);
    expect(b.annotations.map((a: { text: string }) => a.text)).toEqual(['Couriers resume payments']);
  });

  it('lists open warnings, most severe first', async () => {
    const b = (await get('from=2023-11-01&to=2024-01-31')).json();
    const open = (await officer.inject({ method: 'GET', url: '/api/warnings?state=open' })).json();
    expect(b.warnings.length + b.moreWarnings).toBe(open.length);
    const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
    const ranks = b.warnings.map((w: { severity: string }) => rank[w.severity]);
    expect(ranks).toEqual([...ranks].sort());
  });

  it.each([
    ['from=2024-02-01&to=2024-01-01', 'from'],
    ['from=2024-13-01', 'from'],
    ['to=soon', 'to']
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const res = await get(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe(field);
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/briefing' })).statusCode).toBe(401);
  });
});
