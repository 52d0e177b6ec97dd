// The digest's unsubscribe page and a watch officer's view of a digest, in a real browser against
// the real server (demo data). Needs the built SPA and Chromium. No sleeps: every wait is on a locator.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigest } from '../../server/jobs/send-digest.js';
import { createMailer } from '../../server/mail/mailer.js';
import { tempDir } from '../support/test-catalogue.js';
import { startTestServer } from '../support/test-server.js';
import { launchBrowser, RESULTS, signInAs, watchCsp } from './support/browser.js';

describe("unsubscribe page, sign-in redirects, and the officer's digest view", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
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
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    outbox.remove();
    expect(violations).toEqual([]);
  });

  const managerSubscribed = () =>
    server.app.store.digests.subscriptions().find((s) => s.username === 'demo-manager')!.subscribed;

  it.each([1280, 390])(
    "the mail's link opens a page that changes nothing until its button is pressed (%i px)",
    async (width) => {
      if (!managerSubscribed())
        server.app.store.digests.setSubscribed(server.app.store.users.byUsername('demo-manager')!.id, true);
      const token = server.db
        .prepare("SELECT unsubscribe_token FROM users WHERE username = 'demo-manager'")
        .pluck()
        .get() as string;
      const page = await browser.newPage({ viewport: { width, height: 700 } });
      page.setDefaultTimeout(10_000);
      violations.push(...watchCsp(page));
      await page.goto(`${server.url}/api/digest/unsubscribe?token=${encodeURIComponent(token)}`);
      const button = page.getByRole('button', { name: 'Unsubscribe' });
      await button.waitFor();
      expect(new URL(page.url()).pathname).toBe('/unsubscribe');
      expect(managerSubscribed()).toBe(true);
      await page.screenshot({ path: join(RESULTS, `unsubscribe-${width}.png`) });
      await button.click();
      await page.getByRole('status').getByText('demo-manager will no longer receive').waitFor();
      expect(managerSubscribed()).toBe(false);
      await page.screenshot({ path: join(RESULTS, `unsubscribed-${width}.png`) });
      await page.close();
    }
  );

  it.each(['/\\evil.example/', '//evil.example/', 'https://evil.example/'])(
    'signing in with next=%s stays on this site',
    async (next) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(10_000);
      violations.push(...watchCsp(page));
      await signInAs(page, server.url, 'manager', `/login?next=${encodeURIComponent(next)}`);
      expect(new URL(page.url()).origin).toBe(server.url);
      await page.close();
    }
  );

  it("a watch officer sees a digest's recipients by name, without their addresses", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    violations.push(...watchCsp(page));
    await signInAs(page, server.url, 'watch_officer', `/digests/${digestId}`);
    const table = page.getByTestId('recipients-table');
    await table.getByText('Demo manager').waitFor();
    expect(await table.textContent()).not.toContain('@');
    await page.screenshot({ path: join(RESULTS, 'digest-officer.png'), fullPage: true });
    await page.close();
  });
});
