// The digest pages in a real browser against the real server (fresh database, demo data). A digest is
// first sent through the real job into a temporary outbox, so the archive has something to show.
// Needs the built SPA and Chromium. No sleeps: every wait is on a locator.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigest } from '../../server/jobs/send-digest.js';
import { createMailer, DeliveryError, type Mailer } from '../../server/mail/mailer.js';
import { tempDir } from '../support/test-catalogue.js';
import { startTestServer } from '../support/test-server.js';
import { launchBrowser, RESULTS, signInAs, watchCsp } from './support/browser.js';

describe('digest pages', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let digestId: number;
  const violations: string[] = [];
  const outbox = tempDir('watchfloor-outbox-');

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    const mailer = createMailer({ smtpUrl: null, outboxDir: outbox.dir, from: 'wf@example.org' });
    const run = await runDigest(
      { store: server.app.store, clock: () => new Date(), mailer, appUrl: server.url, holder: 'e2e' },
      { kind: 'compose', slot: null }
    );
    mailer.close();
    if (run.outcome !== 'done') throw new Error(`the digest job did not send: ${run.outcome}`);
    digestId = run.digestId;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    violations.push(...watchCsp(page));
    await signInAs(page, server.url, 'manager', '/digests');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    outbox.remove();
    expect(violations).toEqual([]);
  });

  it('the archive lists the sent digest under a card for the next one, whose preview opens', async () => {
    await page.getByRole('heading', { level: 1, name: 'Weekly digests' }).waitFor();
    await page.getByTestId('next-digest').getByRole('link', { name: 'Preview it →' }).waitFor();
    const rows = page.getByTestId('digests-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const row = rows.first();
    expect(await row.getByText('sent', { exact: true }).count()).toBe(1);
    expect(await row.textContent()).toContain('everything up to');
    await page.screenshot({ path: join(RESULTS, 'digests.png') });

    await page.getByRole('link', { name: 'Preview it →' }).click();
    await page.getByRole('heading', { level: 1, name: /Next digest/ }).waitFor();
    await page.frameLocator('[data-testid="digest-frame"]').getByText('Leading scenario').first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'digest-preview.png') });
    await page.goBack();
  });

  it('a digest shows as mailed, framed without scripts, with each recipient’s delivery', async () => {
    await page.getByTestId('digests-table').locator('tbody tr').first().getByRole('link').click();
    await page.waitForURL(`**/digests/${digestId}`);
    const frame = page.getByTestId('digest-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    await page.frameLocator('[data-testid="digest-frame"]').getByText('Leading scenario').first().waitFor();

    const recipients = page.getByTestId('recipients-table');
    const manager = recipients.locator('tbody tr', { hasText: 'Demo manager' });
    await manager.waitFor();
    expect(await manager.getByText('sent', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: join(RESULTS, 'digest.png') });

    await page.getByRole('button', { name: 'Plain text' }).click();
    expect(await page.getByTestId('digest-text').textContent()).toContain('weekly digest');
  });

  it('the settings page saves the manager’s own choice, which a reload still shows', async () => {
    await page.getByLabel('Signed in').getByRole('link', { name: 'Demo manager' }).click();
    await page.getByRole('heading', { level: 2, name: 'Weekly digest' }).waitFor();
    const own = page
      .getByTestId('own-subscription')
      .getByRole('checkbox', { name: /Send me the weekly digest at demo-manager@/ });
    expect(await own.isChecked()).toBe(true);
    await own.uncheck();
    await page.getByTestId('own-subscription').getByRole('status').getByText('Saved').waitFor();
    const row = page.getByTestId('subscriptions-table').locator('tbody tr', { hasText: 'demo-manager' });
    await row.getByText('no', { exact: true }).waitFor();
    expect(await row.getByText('default', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'settings.png') });

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Weekly digest' }).waitFor();
    expect(await own.isChecked()).toBe(false);
  });

  it('an administrator finds the deliveries page in the menu, listing a refused and a retrying delivery', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Digests' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Deliveries' }).count()).toBe(0);

    // A second digest to the officer (whose mailbox is refused for good) and the admin (a passing failure).
    const { store } = server.app;
    for (const username of ['demo-officer', 'demo-admin'])
      store.digests.setSubscribed(store.users.byUsername(username)!.id, true);
    const refusing: Mailer = {
      target: 'refusing test mailer',
      close() {},
      async send(mail) {
        if (mail.to.startsWith('demo-officer')) throw new DeliveryError('550 5.1.1 no such mailbox', true);
        throw new DeliveryError('421 4.3.2 service not available, try again later', false);
      }
    };
    await runDigest(
      { store, clock: () => new Date(), mailer: refusing, appUrl: server.url, holder: 'e2e' },
      { kind: 'compose', slot: null }
    );

    const admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    admin.setDefaultTimeout(10_000);
    violations.push(...watchCsp(admin));
    await signInAs(admin, server.url, 'admin', '/');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deliveries' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Digest deliveries in trouble' }).waitFor();
    const rows = admin.getByTestId('deliveries-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await rows.filter({ hasText: 'Demo watch officer' }).getByText('failed', { exact: true }).waitFor();
    await rows.filter({ hasText: 'Demo administrator' }).getByText('retrying', { exact: true }).waitFor();
    await admin.screenshot({ path: join(RESULTS, 'admin-deliveries.png') });

    await rows.first().getByRole('link').click();
    await admin.getByTestId('recipients-table').getByText('550 5.1.1 no such mailbox').waitFor();
    await admin.screenshot({ path: join(RESULTS, 'digest-failures.png') });
  });
});
