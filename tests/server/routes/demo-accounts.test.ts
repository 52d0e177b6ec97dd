// The sign-in page's list of demonstration accounts: public, only with demonstration data, and only
// accounts that still work with the published password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../server/auth/demo-accounts.js';
import { REAL_CATALOGUE } from '../../support/test-catalogue.js';
import { testApp } from '../../support/test-app.js';

const get = (t: Awaited<ReturnType<typeof testApp>>) => t.app.inject({ method: 'GET', url: '/api/auth/demo-accounts' });

describe('GET /api/auth/demo-accounts', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp({ demo: true, catalogueDir: REAL_CATALOGUE });
  });
  afterAll(() => t.close());

  it('answers anyone, without a session, with the three demo accounts', async () => {
    const res = await get(t);
    expect(res.statusCode).toBe(200);
    expect(res.json().accounts).toEqual(
      DEMO_ACCOUNTS.map(({ username, password, role }) => ({ username, password, role }))
    );
  });

  it('leaves out a disabled account and one whose password was changed', async () => {
    const who = { now: t.app.clock(), actor: 'test' };
    const manager = t.app.store.users.byUsername('demo-manager')!;
    t.app.accounts.update(manager.id, { disabled: true }, who);
    const officer = t.app.store.users.byUsername('demo-officer')!;
    await t.app.accounts.resetPassword(officer.id, 'a private pass phrase now', who);
    expect((await get(t)).json().accounts.map((a: { username: string }) => a.username)).toEqual(['demo-admin']);
  });
});

describe('GET /api/auth/demo-accounts without demonstration data', () => {
  it('answers an empty list', async () => {
    const t = await testApp({ demo: false, catalogueDir: REAL_CATALOGUE });
    try {
      expect((await get(t)).json()).toEqual({ accounts: [] });
    } finally {
      t.close();
    }
  });
});
