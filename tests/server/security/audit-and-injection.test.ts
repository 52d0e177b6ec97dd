import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';
import { observationInput } from '../../support/test-db.js';

const INJECTIONS = [
  "'; DROP TABLE observations; --",
  "x' OR '1'='1",
  '"); DELETE FROM audit_log; --',
  "Robert'); UPDATE users SET role = 'admin' WHERE ('1' = '1",
  '<script>alert(1)</script>'
];

describe('audit trail and hostile input', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  let admin: Client;
  let manager: Client;
  beforeAll(async () => {
    t = await testApp({ demo: true });
    officer = await signIn(t.app, 'watch_officer', 'officer');
    admin = await signIn(t.app, 'admin', 'admin1');
    manager = await signIn(t.app, 'manager', 'manager1');
  });
  afterAll(() => t.close());
  const audit = async (query = '') => (await admin.inject({ method: 'GET', url: `/api/audit${query}` })).json();

  it('stores injection strings in every text field as plain text', async () => {
    for (const text of INJECTIONS) {
      const obs = await officer.inject({
        method: 'POST',
        url: '/api/observations',
        payload: observationInput({ rationale: text, source: { title: text } })
      });
      expect(obs.statusCode).toBe(201);
      expect(obs.json()).toMatchObject({ rationale: text, source: { title: text } });
      const src = await officer.inject({
        method: 'POST',
        url: '/api/sources',
        payload: { name: `${text} (source)`, url: 'https://example.org/?q=1%27--' }
      });
      expect(src.json().name).toBe(`${text} (source)`);
      const grade = await officer.inject({
        method: 'POST',
        url: `/api/sources/${src.json().id}/grades`,
        payload: { reliability: 'C', rationale: text }
      });
      expect(grade.json().grades[0].rationale).toBe(text);
      expect(
        (await officer.inject({ method: 'GET', url: `/api/warnings?indicatorId=${encodeURIComponent(text)}` })).json()
      ).toEqual([]);
      expect(
        (await admin.inject({ method: 'GET', url: `/api/audit?actor=${encodeURIComponent(text)}` })).json()
      ).toEqual([]);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: text.slice(0, 80), password: text }
      });
      expect(login.statusCode).toBe(401);
    }
    const list = (await officer.inject({ method: 'GET', url: '/api/indicators/salaries/observations' })).json();
    expect(list.filter((o: { rationale: string }) => INJECTIONS.includes(o.rationale))).toHaveLength(INJECTIONS.length);
    expect(t.db.prepare("SELECT count(*) FROM users WHERE role = 'admin'").pluck().get()).toBe(2); // admin1 and demo-admin
  });

  it('appends an audit row, with who and before/after, for every kind of write', async () => {
    const before = (await audit('?limit=5000')).length;
    const original = (
      await officer.inject({ method: 'POST', url: '/api/observations', payload: observationInput() })
    ).json();
    await officer.inject({
      method: 'POST',
      url: '/api/observations',
      payload: observationInput({ level: 4, supersedes: original.id })
    });
    const src = (
      await officer.inject({ method: 'POST', url: '/api/sources', payload: { name: 'Audited source' } })
    ).json();
    await officer.inject({ method: 'PATCH', url: `/api/sources/${src.id}`, payload: { kind: 'media' } });
    await officer.inject({
      method: 'POST',
      url: `/api/sources/${src.id}/grades`,
      payload: { reliability: 'B', rationale: 'track record' }
    });
    const [warning] = (await manager.inject({ method: 'GET', url: '/api/warnings?state=open' })).json();
    await manager.inject({ method: 'POST', url: `/api/warnings/${warning.id}/acknowledge` });
    const user = (
      await admin.inject({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'newbie', displayName: 'New', role: 'watch_officer', password: 'a-strong-new-secret' }
      })
    ).json();
    await admin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { role: 'manager' } });
    await admin.inject({
      method: 'POST',
      url: `/api/users/${user.id}/password`,
      payload: { password: 'another-strong-secret' }
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'newbie', password: 'wrong-password-here' }
    });
    const session = await signIn(t.app, 'manager', 'newbie2');
    await session.inject({ method: 'POST', url: '/api/auth/logout' });

    const rows = await audit('?limit=5000');
    const actions = rows.slice(0, rows.length - before).map((r: { action: string }) => r.action);
    for (const action of [
      'observation.record',
      'observation.correct',
      'source.create',
      'source.update',
      'source.grade',
      'warning.acknowledge',
      'user.create',
      'user.role',
      'user.password',
      'auth.login_failed',
      'auth.login',
      'auth.logout'
    ]) {
      expect(actions, action).toContain(action);
    }
    const correction = rows.find((r: { action: string }) => r.action === 'observation.correct');
    expect(correction).toMatchObject({
      actor: 'officer',
      before: { id: original.id, level: 3 },
      after: { level: 4, supersedes: original.id, recordedBy: { username: 'officer' } }
    });
    const role = rows.find((r: { action: string }) => r.action === 'user.role');
    expect(role).toMatchObject({ actor: 'admin1', before: { role: 'watch_officer' }, after: { role: 'manager' } });
  });

  it('filters the audit trail and exports it as CSV', async () => {
    const mine = await audit('?actor=officer&action=source.create');
    expect(mine.length).toBeGreaterThan(0);
    expect(
      mine.every((r: { actor: string; action: string }) => r.actor === 'officer' && r.action === 'source.create')
    ).toBe(true);
    const csv = await admin.inject({ method: 'GET', url: '/api/audit.csv?actor=officer' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="watchfloor-audit-2024-02-01\.csv"/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,entity,entity_id,before,after');
    expect(lines.length).toBeGreaterThan(mine.length);
    expect(csv.body).toMatch(/,"\{""/); // JSON fields quoted, their quotes doubled
    expect((await officer.inject({ method: 'GET', url: '/api/audit.csv' })).statusCode).toBe(403);
  });

  it('the audit table refuses changes even from inside the database', () => {
    expect(() => t.db.prepare("UPDATE audit_log SET actor = 'someone-else'").run()).toThrow(/append-only/);
  });
});
