import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigest } from '../../../server/jobs/send-digest.js';
import { createMailer } from '../../../server/mail/mailer.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { tempDir } from '../../support/test-catalogue.js';
import { testApp } from '../../support/test-app.js';

describe('digest API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let tmp: ReturnType<typeof tempDir>;
  let manager: Client;
  beforeAll(async () => {
    tmp = tempDir();
    t = await testApp({ demo: true });
    manager = await signIn(t.app, 'manager');
    const mailer = createMailer({ smtpUrl: null, outboxDir: join(tmp.dir, 'outbox'), from: 'wf@example.org' });
    await runDigest(
      { store: t.app.store, clock: t.app.clock, mailer, appUrl: 'https://wf.example.org', holder: 'test' },
      { kind: 'compose', slot: null }
    );
    mailer.close();
  });
  afterAll(async () => {
    await t.close();
    tmp.remove();
  });
  const get = (url: string) => manager.inject({ method: 'GET', url });

  it('lists past digests with their delivery status, and shows one as sent with each recipient', async () => {
    const [digest] = (await get('/api/digests')).json();
    expect(digest).toMatchObject({ status: 'sent', deliveries: { sent: 2, pending: 0, failed: 0 } }); // demo-manager and test-manager
    const detail = (await get(`/api/digests/${digest.id}`)).json();
    expect(detail.recipients.map((r: { status: string }) => r.status)).toEqual(['sent', 'sent']);
    expect(detail.text).toMatch(/Fighter salaries/);
    expect(detail.text).not.toMatch(/%%UNSUBSCRIBE_URL%%/);
  });

  it('renders a stored digest as HTML with its images inline', async () => {
    const [digest] = (await get('/api/digests')).json();
    const res = await get(`/api/digests/${digest.id}/html`);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/<img src="data:image\/png;base64,/);
    expect(res.body).not.toMatch(/cid:/);
  });

  it('previews the next digest without storing it: nothing changed since the last one', async () => {
    const preview = (await get('/api/digests/preview')).json();
    expect(preview).toMatchObject({ quiet: true, subject: expect.stringMatching(/no changes/) });
    expect((await get('/api/digests')).json()).toHaveLength(1);
  });

  it('lets managers manage subscriptions and anyone choose their own', async () => {
    const list = (await get('/api/digest/subscriptions')).json();
    const officer = list.find((s: { username: string }) => s.username === 'demo-officer');
    expect(officer).toMatchObject({ subscribed: false, byDefault: true });
    const after = (
      await manager.inject({
        method: 'PUT',
        url: `/api/digest/subscriptions/${officer.userId}`,
        payload: { subscribed: true }
      })
    ).json();
    expect(after.find((s: { userId: number }) => s.userId === officer.userId)).toMatchObject({
      subscribed: true,
      byDefault: false
    });
    const me = (
      await manager.inject({ method: 'PUT', url: '/api/digest/subscription', payload: { subscribed: false } })
    ).json();
    expect(me).toMatchObject({ username: 'test-manager', subscribed: false });
    const officer2 = await signIn(t.app, 'watch_officer');
    expect((await officer2.inject({ method: 'GET', url: '/api/digest/subscription' })).json()).toMatchObject({
      username: 'test-watch-officer',
      subscribed: false,
      byDefault: true
    });
    const bad = await manager.inject({
      method: 'PUT',
      url: '/api/digest/subscription',
      payload: { subscribed: 'yes' }
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('subscribed');
  });
});
