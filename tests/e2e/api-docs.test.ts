// The API reference UI in a real browser: behind sign-in, drawn from /api/docs/json, and working
// under a content security policy (close() fails the test on any violation).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSignedIn, RESULTS, type SignedInSession } from './support/browser.js';

describe('API reference at /api/docs', () => {
  let session: SignedInSession;
  beforeAll(async () => {
    session = await openSignedIn('manager');
  });
  afterAll(() => session?.close());

  it('shows every route group from the generated document, with no CSP violation', async () => {
    const { page, server } = session;
    const response = await page.goto(`${server.url}/api/docs`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'[^;]*;/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    await page.getByText('Watchfloor API').first().waitFor();
    await page.locator('.opblock-tag', { hasText: 'import' }).first().waitFor();
    await page.locator('.opblock-summary-path', { hasText: '/api/export/observations.csv' }).first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'api-docs.png') });
  });

  it('leaves the SPA’s own policy strict: no inline styles elsewhere', async () => {
    const res = await session.page.goto(`${session.server.url}/`);
    expect(res?.headers()['content-security-policy']).toMatch(/style-src 'self';/);
  });

  it('is not shown to a visitor without a session', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const res = await page.goto(`${session.server.url}/api/docs`);
      expect(res?.status()).toBe(401);
    } finally {
      await browser.close();
    }
  });
});
