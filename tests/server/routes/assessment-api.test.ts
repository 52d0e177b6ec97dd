import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluateWarnings } from '../../../server/jobs/evaluate-warnings.js';
import { REAL_CATALOGUE } from '../../support/test-catalogue.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

type Fit = {
  points: { start: string; leading: string; scenarios: { scenarioId: string; probability: number; words: string }[] }[];
};
const probability = (p: Fit['points'][number], id: string) => p.scenarios.find((s) => s.scenarioId === id)!.probability;

describe("the demonstration data tells the documents' story", () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  let fit: Fit;
  beforeAll(async () => {
    t = await testApp({ demo: true, catalogueDir: REAL_CATALOGUE }); // clock: 2024-02-01
    officer = await signIn(t.app, 'watch_officer');
    fit = (await officer.inject({ method: 'GET', url: '/api/scenarios/fit?from=2022-01-01&period=month' })).json();
  });
  afterAll(() => t.close());
  const month = (m: string) => fit.points.find((p) => p.start === `${m}-01`)!;
  type Series = { points: { start: string; reading: number | null; carried: boolean }[] };
  const series = async (id: string, period = 'month'): Promise<Series> =>
    (
      await officer.inject({
        method: 'GET',
        url: `/api/indicators/${id}/series?period=${period}&from=2023-01-01&to=2023-12-31`
      })
    ).json();
  const reported = (s: Series) => s.points.filter((p) => !p.carried && p.reading !== null);

  it('attacks bottom out in spring 2023 and pick up by October', async () => {
    const attacks = reported(await series('monthly-attacks'));
    const lowest = Math.min(...attacks.map((p) => p.reading!));
    expect(attacks.find((p) => p.reading === lowest)!.start).toMatch(/^2023-0[45]/);
    const october = attacks.find((p) => p.start === '2023-10-01')!;
    expect(october.reading).toBeGreaterThan(attacks.find((p) => p.start === '2023-06-01')!.reading!);
  });

  it('funding is partly restored, and Tajik Taliban tension rises, in late 2023', async () => {
    const funding = reported(await series('external-funding-flows', 'quarter'));
    expect(funding[0].reading).toBe(1); // early 2023: money almost stopped
    expect(funding.at(-1)!.start).toBe('2023-10-01');
    expect(funding.at(-1)!.reading).toBeGreaterThan(funding[0].reading!);
    const tajik = reported(await series('tajik-taliban-isk-links', 'quarter'));
    expect(tajik.map((p) => p.start)).toEqual(['2023-10-01']);
    expect(tajik[0].reading).toBeGreaterThanOrEqual(4);
  });

  // The scenario-fit method may change; these hold for any fit that follows the evidence.
  it('keeps IS-K weak through 2023: decline or underground persistence leads every month', () => {
    const months2023 = fit.points.filter((p) => p.start.startsWith('2023'));
    expect(months2023).toHaveLength(12);
    for (const p of months2023) expect(['contained-decline', 'underground-persistence']).toContain(p.leading);
  });

  it('moves probability toward resurgence on the late-2023 signals, most toward the Taliban-split path', () => {
    const resurgence = (m: string) =>
      month(m)
        .scenarios.filter((s) => s.scenarioId.startsWith('resurgence'))
        .reduce((a, s) => a + s.probability, 0);
    expect(resurgence('2023-11')).toBeGreaterThan(resurgence('2023-08'));
    expect(probability(month('2023-11'), 'resurgence-taliban-split')).toBeGreaterThan(
      probability(month('2023-08'), 'resurgence-taliban-split')
    );
  });

  it('gives ICD 203 words beside every probability', () => {
    for (const s of month('2023-06').scenarios) expect(s.words).toMatch(/chance|unlikely|likely|even|certain/);
  });
});

describe('assessment API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await testApp({ demo: true });
    officer = await signIn(t.app, 'watch_officer');
    admin = await signIn(t.app, 'admin');
  });
  afterAll(() => t.close());
  const get = (url: string) => officer.inject({ method: 'GET', url });

  it('GET /api/scenarios/fit answers probabilities summing to 1, and ACH, movement, sensitivity and confidence at one date', async () => {
    const res = (await get('/api/scenarios/fit?period=quarter')).json();
    expect(res).toMatchObject({ period: 'quarter', from: '2023-03-31', to: '2024-02-01' });
    for (const p of res.points)
      expect(p.scenarios.reduce((a: number, s: { probability: number }) => a + s.probability, 0)).toBeCloseTo(1, 9);
    // Each quarter is read at its last day; the current one at today.
    expect(res.points.map((p: { at: string }) => p.at)).toEqual([
      '2023-03-31',
      '2023-06-30',
      '2023-09-30',
      '2023-12-31',
      '2024-02-01'
    ]);
    expect(res.assessment.at).toBe('2024-02-01');
    expect(res.assessment.scenarios).toEqual(
      res.points.at(-1).scenarios.map(({ inconsistency: _, ...s }: { inconsistency: number }) => s)
    );
    expect(res.assessment.confidence.level).toBe('low'); // one source behind the votes
    expect(res.assessment.confidence.reasons.join(' ')).toMatch(/1 distinct source/);
    // ACH at today: salaries' current reading (level 3, November) contradicts decline's band [1, 2] by one level.
    expect(res.ach.at).toBe('2024-02-01');
    expect(res.ach.rows[0]).toMatchObject({ indicatorId: 'salaries', level: 3 });
    expect(res.ach.rows[0].inconsistency[0]).toBeCloseTo(res.ach.rows[0].weight, 4);
    expect(res.ach.rows[0].inconsistency[1]).toBe(0);
    expect(res.movement.drivers[0]).toMatchObject({
      indicatorId: 'salaries',
      favours: 'resurgence',
      disfavours: 'decline',
      observedAt: '2023-11-30'
    });
    expect(res.sensitivity).toMatchObject({ at: '2024-02-01', leading: 'decline' });
    for (const w of res.sensitivity.whatIfs) expect(Number.isFinite(w.leaderProbability)).toBe(true);
  });

  it('ACH, movement and sensitivity follow the chosen date', async () => {
    const res = (await get('/api/scenarios/fit?period=month&at=2023-05-15')).json();
    expect(res.ach.at).toBe('2023-05-15');
    expect(res.ach.rows.map((r: { indicatorId: string }) => r.indicatorId).sort()).toEqual(['attacks', 'salaries']);
    expect(res.movement.week.end).toBe('2023-04-30');
    expect(res.assessment.at).toBe('2023-05-15');
  });

  it.each([
    ['period=year', 'period'],
    ['from=2024-02-30', 'from'],
    ['from=2024-01-02&to=2024-01-01', 'from'],
    ['at=2024-13-01', 'at'],
    ['at=yesterday', 'at']
  ])('GET /api/scenarios/fit refuses %s naming "%s"', async (query, path) => {
    const res = await get(`/api/scenarios/fit?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe(path);
  });

  it('GET /api/diagnosticity scores indicators and flags what does not discriminate', async () => {
    const res = (await get('/api/diagnosticity')).json();
    const attacks = res.indicators.find((r: { indicatorId: string }) => r.indicatorId === 'attacks');
    expect(attacks).toMatchObject({
      diagnosticity: 0,
      nonDiagnostic: true,
      bands: [
        [2, 3],
        [2, 3]
      ]
    });
    expect(res.scenarios.map((s: { underCovered: boolean }) => s.underCovered)).toEqual([true, true]); // 2 distinctive indicators < 3
    // The one pair is told apart by salaries and transfers only: fewer than 5, so the validator fails it.
    expect(res.minSeparating).toBe(5);
    expect(res.pairs).toEqual([
      { a: 'decline', b: 'resurgence', separating: ['salaries', 'transfers'], flagged: true }
    ]);
    expect(attacks).toMatchObject({ separates: [], separatesNoPair: true });
  });

  it('GET /api/diagnosticity on the shipped catalogue separates every scenario pair by at least 5 indicators', async () => {
    const real = await testApp({ catalogueDir: REAL_CATALOGUE });
    try {
      const reader = await signIn(real.app, 'watch_officer');
      const res = (await reader.inject({ method: 'GET', url: '/api/diagnosticity' })).json();
      expect(res.pairs).toHaveLength(10); // five scenarios
      for (const p of res.pairs) expect(p.separating.length, `${p.a} × ${p.b}`).toBeGreaterThanOrEqual(5);
      const splitTtp = res.pairs.find(
        (p: { a: string; b: string }) => p.a === 'resurgence-taliban-split' && p.b === 'resurgence-ttp-alliance'
      );
      expect(splitTtp.separating).toEqual(
        expect.arrayContaining(['tajik-taliban-isk-links', 'ttp-isk-cooperation-kp', 'northern-armed-opposition'])
      );
      expect(res.indicators.filter((i: { separatesNoPair: boolean }) => i.separatesNoPair)).toEqual([]);
    } finally {
      real.close();
    }
  });

  it('GET /api/families/:id/series gives the composite beside its indicators', async () => {
    const res = (await get('/api/families/funding/series?period=quarter&from=2023-01-01&to=2023-12-31')).json();
    expect(res.indicators.map((i: { id: string }) => i.id)).toEqual(['salaries', 'transfers']);
    expect(res.composite.map((p: { reading: number | null }) => p.reading)).toEqual([1, 1, 1, 3]);
    expect((await get('/api/families/nope/series')).statusCode).toBe(404);
  });

  it('warnings are stored once: evaluating again adds nothing', async () => {
    const before = (await get('/api/warnings')).json();
    const again = runEvaluateWarnings({ store: t.app.store, clock: () => new Date('2024-02-01T09:00:00Z') });
    expect(again.inserted).toBe(0);
    expect((await get('/api/warnings')).json()).toEqual(before);
    expect(
      before.some((w: { kind: string; indicatorId: string }) => w.kind === 'staleness' && w.indicatorId === 'attacks')
    ).toBe(true);
  });

  it('GET /api/warnings filters by state, kind and date, and refuses an unknown state', async () => {
    const open = (await get('/api/warnings?state=open&kind=staleness')).json();
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((w: { state: string; kind: string }) => w.state === 'open' && w.kind === 'staleness')).toBe(true);
    // `since` keeps what happened since, and ranges still running then (open staleness).
    const late = (await get('/api/warnings?since=2023-12-01')).json();
    expect(late.length).toBeLessThan((await get('/api/warnings')).json().length);
    for (const w of late) expect(w.at >= '2023-12-01' || w.until === null || w.until >= '2023-12-01').toBe(true);
    const bad = await get('/api/warnings?state=sleeping');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('state');
  });

  it('acknowledging a warning changes its state and is audited', async () => {
    const [w] = (await get('/api/warnings?state=open')).json();
    const auditBefore = t.app.store.audit.count();
    const res = await admin.inject({ method: 'POST', url: `/api/warnings/${w.id}/acknowledge` });
    expect(res.json()).toMatchObject({ id: w.id, state: 'acknowledged' });
    expect(t.app.store.audit.count()).toBe(auditBefore + 1);
    expect((await admin.inject({ method: 'POST', url: '/api/warnings/99999/acknowledge' })).statusCode).toBe(404);
  });

  it('a new observation is evaluated at once: a tripwire fires', async () => {
    await officer.inject({
      method: 'POST',
      url: '/api/observations',
      payload: {
        indicatorId: 'attacks',
        observedAt: '2024-01-25',
        level: 5,
        rationale: 'A wave of attacks.',
        source: { title: 'Wire' },
        reliability: 'B',
        credibility: 2
      }
    });
    const tripwires = (await get('/api/warnings?kind=tripwire&indicatorId=attacks')).json();
    expect(tripwires).toEqual([
      expect.objectContaining({
        at: '2024-01-01',
        state: 'open',
        cause: expect.stringMatching(/reached the fire threshold 4/)
      })
    ]);
  });
});
