// One date has one number everywhere: the chart's periods, the digest and the overview read the
// same assessment; a typo'd date is refused and an old one, corrected, breaks nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../server/analysis/periods.js';
import { digestInput } from '../../../server/services/digest-input.js';
import { recordObservations } from '../../../server/services/record-observations.js';
import { observationInput } from '../../support/test-db.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

type Fit = {
  points: { at: string; scenarios: { scenarioId: string; probability: number }[] }[];
  assessment: { at: string; scenarios: { scenarioId: string; probability: number; words: string }[] };
};
const NOW = new Date('2024-02-01T09:00:00Z');

describe('one assessment', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  beforeAll(async () => {
    t = await testApp({ demo: true });
    officer = await signIn(t.app, 'watch_officer');
  });
  afterAll(() => t.close());
  const fit = async (query: string): Promise<Fit> =>
    (await officer.inject({ method: 'GET', url: `/api/scenarios/fit?${query}` })).json();

  it('week, month and quarter agree at every shared period end, over random evidence (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            indicatorId: fc.constantFrom('salaries', 'transfers', 'attacks'),
            day: fc.integer({ min: 0, max: 760 }),
            level: fc.integer({ min: 1, max: 5 }),
            source: fc.constantFrom('Wire', 'Desk')
          }),
          { minLength: 1, maxLength: 6 }
        ),
        async (rows) => {
          recordObservations(
            t.app.store,
            rows.map((r) =>
              observationInput({
                indicatorId: r.indicatorId,
                observedAt: addDays('2022-01-01', r.day),
                level: r.level,
                source: { title: r.source }
              })
            ),
            { now: NOW, actor: 'test' }
          );
          const views = await Promise.all(['week', 'month', 'quarter'].map((p) => fit(`period=${p}&from=2022-01-01`)));
          const byDay = views.map((v) => new Map(v.points.map((p) => [p.at, p.scenarios.map((s) => s.probability)])));
          let shared = 0;
          for (const [day, month] of byDay[1]) {
            for (const other of [byDay[0], byDay[2]]) {
              const q = other.get(day);
              if (!q) continue;
              shared += 1;
              q.forEach((p, k) => expect(Math.abs(p - month[k])).toBeLessThan(1e-9));
            }
          }
          expect(shared).toBeGreaterThan(8); // quarter ends and today, at least
        }
      ),
      { numRuns: 8 }
    );
  });

  it("the digest's now equals the fit's now, and the overview's picture", async () => {
    const now = (await fit('period=month')).assessment;
    const digest = digestInput(t.app.store, { coversFrom: null, coversTo: NOW.toISOString(), appUrl: 'http://x' });
    expect(digest.now.map((s) => s.probability)).toEqual(now.scenarios.map((s) => s.probability));
    const text = (await officer.inject({ method: 'GET', url: '/api/digests/preview' })).json().text as string;
    for (const s of now.scenarios) expect(text).toContain(`: ${Math.round(s.probability * 100)} % ${s.words}`);
    expect(text).toMatch(/Analytic confidence: (high|moderate|low)/);
    const picture = (await officer.inject({ method: 'GET', url: '/api/overview' })).json().scenarioPicture;
    expect(picture.scenarios.map((s: { probability: number }) => s.probability)).toEqual(
      now.scenarios.map((s) => s.probability)
    );
    expect(picture.at).toBe(now.at);
  });

  it('refuses 1900-01-01 naming observedAt; an old typo already stored, once corrected, breaks no page', async () => {
    const refused = await officer.inject({
      method: 'POST',
      url: '/api/observations',
      payload: observationInput({ observedAt: '1900-01-01' })
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0].path).toBe('observedAt');
    // A database from before the check may hold one: store it the old way, then correct it.
    const sourceId = t.db.prepare('SELECT min(id) FROM sources').pluck().get() as number;
    const id = Number(
      t.db
        .prepare(
          `INSERT INTO observations (indicator_id, observed_at, level, rationale, source_id, reliability, credibility, recorded_at)
      VALUES ('salaries', '1900-01-01', 2, 'typo', ?, 'B', 2, '2024-01-01')`
        )
        .run(sourceId).lastInsertRowid
    );
    const corrected = await officer.inject({
      method: 'POST',
      url: '/api/observations',
      payload: observationInput({ observedAt: '2023-10-01', supersedes: id, sourceId, source: undefined })
    });
    expect(corrected.statusCode).toBe(201);
    for (const url of [
      '/api/overview',
      '/api/scenarios/fit',
      '/api/scenarios/fit?period=week',
      '/api/scenarios/fit?period=quarter',
      '/api/families/funding/series',
      '/api/indicators/salaries/series?period=week',
      '/api/warnings',
      '/api/digests/preview'
    ]) {
      const res = await officer.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
    }
    expect((await fit('period=week')).points.length).toBeLessThan(200);
  });

  it('refuses a date before the topic observableFrom and after today', async () => {
    for (const observedAt of ['2014-12-31', '2024-02-02']) {
      const res = await officer.inject({
        method: 'POST',
        url: '/api/observations',
        payload: observationInput({ observedAt })
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0]).toMatchObject({ path: 'observedAt' });
    }
  });
});
