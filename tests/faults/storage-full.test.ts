// A full or read-only database: writes answer 503 saying so, reads keep working, nothing is half-written, health tells.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../support/sign-in.js';
import { testApp } from '../support/test-app.js';
import { observationInput } from '../support/test-db.js';

describe('a database that cannot take writes', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  beforeEach(async () => {
    t = await testApp();
    officer = await signIn(t.app, 'watch_officer');
  });
  afterEach(() => t.close());

  const counts = () => ({
    observations: t.db.prepare('SELECT count(*) FROM observations').pluck().get(),
    audit: t.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    sources: t.db.prepare('SELECT count(*) FROM sources').pluck().get(),
    assessment: JSON.stringify(t.app.store.assessment.dump())
  });
  const write = (i: number) =>
    officer.inject({
      method: 'POST',
      url: '/api/observations',
      payload: observationInput({ rationale: `${'long text '.repeat(390)}${i}`, source: { title: `Source ${i}` } })
    });
  const health = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    return { status: res.statusCode, body: res.json() };
  };

  it('full (max_page_count reached): 503 with a clear message, nothing half-written, reads work, health degraded, then recovers', async () => {
    expect((await write(0)).statusCode).toBe(201);
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', writable: true } });
    t.db.pragma(`max_page_count = ${t.db.pragma('page_count', { simple: true })}`);
    let refused = null;
    for (let i = 1; i <= 200 && !refused; i++) {
      const before = counts();
      const res = await write(i);
      if (res.statusCode === 201) continue;
      refused = res;
      expect(res.statusCode).toBe(503);
      expect(res.json().message).toMatch(/database is full.*nothing was stored/i);
      expect(res.headers['retry-after']).toBeDefined();
      expect(counts()).toEqual(before);
    }
    expect(refused, 'a write was refused before 200 tries').not.toBeNull();
    expect((await officer.inject({ method: 'GET', url: '/api/indicators/salaries/observations' })).statusCode).toBe(
      200
    );
    expect((await officer.inject({ method: 'GET', url: '/api/overview' })).statusCode).toBe(200);
    expect(await health()).toEqual({
      status: 200,
      body: { status: 'degraded', writable: false, message: expect.stringMatching(/full/) }
    });

    t.db.pragma('max_page_count = 1073741823');
    expect((await write(999)).statusCode).toBe(201);
    expect((await health()).body).toEqual({ status: 'ok', writable: true });
  });

  it('read-only: 503 naming it, reads (with their session) work, nothing written, health degraded', async () => {
    t.db.pragma('query_only = ON');
    const before = counts();
    const res = await write(1);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ message: expect.stringMatching(/read-only.*nothing was stored/i) });
    expect(counts()).toEqual(before);
    expect((await officer.inject({ method: 'GET', url: '/api/overview' })).statusCode).toBe(200);
    expect((await health()).body).toMatchObject({
      status: 'degraded',
      writable: false,
      message: expect.stringMatching(/read-only/)
    });
    t.db.pragma('query_only = OFF');
    // Health remembers the refused write until a write goes through.
    expect((await write(2)).statusCode).toBe(201);
    expect((await health()).body).toEqual({ status: 'ok', writable: true });
  });
});
