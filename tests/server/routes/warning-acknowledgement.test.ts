// Acknowledging warnings one at a time and in bulk over the real app and a real SQLite file: who,
// when and why are kept, the whole batch is refused on an unknown id, and roles and CSRF hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARNING_SEVERITY } from '../../../server/analysis/warning-severity.js';
import { REAL_CATALOGUE } from '../../support/test-catalogue.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

type W = {
  id: number;
  kind: keyof typeof WARNING_SEVERITY;
  severity: string;
  state: string;
  acknowledgedBy: string | null;
  acknowledgedNote: string | null;
  acknowledgedAt: string | null;
};

describe('warning acknowledgement', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let manager: Client;
  let officer: Client;
  const open = async (): Promise<W[]> =>
    (await manager.inject({ method: 'GET', url: '/api/warnings?state=open' })).json();
  const bulk = (client: Client, payload: unknown, headers: Record<string, string> = {}) =>
    client.inject({ method: 'POST', url: '/api/warnings/acknowledge', payload: payload as object, headers });

  beforeAll(async () => {
    t = await testApp({ demo: true, catalogueDir: REAL_CATALOGUE });
    manager = await signIn(t.app, 'manager');
    officer = await signIn(t.app, 'watch_officer');
  });
  afterAll(() => t.close());

  it('gives each warning the severity of its kind and filters by it', async () => {
    const all = await open();
    for (const w of all) expect(w.severity).toBe(WARNING_SEVERITY[w.kind]);
    const low: W[] = (await manager.inject({ method: 'GET', url: '/api/warnings?state=open&severity=low' })).json();
    expect(low.length).toBeGreaterThan(0);
    expect(low.length).toBe(all.filter((w) => w.severity === 'low').length);
    const bad = await manager.inject({ method: 'GET', url: '/api/warnings?severity=urgent' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('severity');
  });

  it('acknowledges several at once with one note, keeping who, when and why, each audited', async () => {
    const ids = (await open()).slice(0, 3).map((w) => w.id);
    const auditBefore = t.app.store.audit.count();
    const res = await bulk(manager, { ids, note: '  Collection tasked with the field office.  ' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.alreadyAcknowledged).toEqual([]);
    expect(body.acknowledged.map((w: W) => w.id)).toEqual(ids);
    for (const w of body.acknowledged as W[]) {
      expect(w).toMatchObject({
        state: 'acknowledged',
        acknowledgedBy: manager.username,
        acknowledgedNote: 'Collection tasked with the field office.'
      });
      expect(w.acknowledgedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(t.app.store.audit.count()).toBe(auditBefore + 3);

    // Again: nothing changes, the original reason stays.
    const again = (await bulk(manager, { ids, note: 'a second opinion' })).json();
    expect(again).toMatchObject({ acknowledged: [], alreadyAcknowledged: ids });
    const stored: W[] = (await manager.inject({ method: 'GET', url: '/api/warnings?state=acknowledged' })).json();
    expect(stored.find((w) => w.id === ids[0])!.acknowledgedNote).toBe('Collection tasked with the field office.');
  });

  it('refuses the whole batch when one id is unknown, naming it, and writes nothing', async () => {
    const [first] = await open();
    const res = await bulk(manager, { ids: [first.id, 999999], note: 'seen' });
    expect(res.statusCode).toBe(404);
    expect(res.json().issues[0].path).toBe('ids.1');
    expect((await open()).some((w) => w.id === first.id)).toBe(true);
  });

  it('names the field for bad input', async () => {
    const [first] = await open();
    for (const [payload, path] of [
      [{ ids: [first.id], note: '   ' }, 'note'],
      [{ ids: [], note: 'seen' }, 'ids'],
      [{ ids: ['1; DROP TABLE warnings'], note: 'seen' }, 'ids.0'],
      [{ ids: [first.id] }, 'note'],
      [{ ids: [first.id], note: 'x'.repeat(1001) }, 'note']
    ] as const) {
      const res = await bulk(manager, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().issues[0].path).toBe(path);
    }
  });

  it('stores hostile text as text', async () => {
    const [first] = await open();
    const note = "<script>alert(1)</script> '; DROP TABLE warnings; --";
    const res = await manager.inject({
      method: 'POST',
      url: `/api/warnings/${first.id}/acknowledge`,
      payload: { note }
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().acknowledgedNote).toBe(note);
  });

  it('refuses a watch officer, a missing CSRF token, and no session', async () => {
    const [first] = await open();
    const asOfficer = await bulk(officer, { ids: [first.id], note: 'seen' });
    expect(asOfficer.statusCode).toBe(403);
    const noCsrf = await bulk(manager, { ids: [first.id], note: 'seen' }, { 'x-csrf-token': '' });
    expect(noCsrf.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/warnings/acknowledge',
      payload: { ids: [first.id], note: 'seen' }
    });
    expect(anonymous.statusCode).toBe(401);
    const oddPath = await manager.inject({
      method: 'POST',
      url: '/api/warnings//acknowledge',
      payload: { ids: [first.id], note: 'seen' }
    });
    expect([400, 404]).toContain(oddPath.statusCode);
    expect((await open()).some((w) => w.id === first.id)).toBe(true);
  });
});
