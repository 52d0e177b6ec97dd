// Debian's Chromium driven by playwright-core, and signing in through the real login page.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../../server/auth/demo-accounts.js';
import type { Role } from '../../../server/schemas/index.js';
import { BUILD_DIR, startTestServer } from '../../support/test-server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Headless, and nothing that reaches the network or downloads on its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];
export const RESULTS = resolve(import.meta.dirname, '../../../test-results');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(BUILD_DIR, 'index.html'))) throw new Error('build/ is missing: run `npx vite build` first');
  mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS
  });
}

/** Collects the page's content-security-policy violations, which must stay empty. */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

/** Opens `path` (which sends an anonymous visitor to /login) and signs in as the role's demo account. */
export async function signInAs(page: Page, baseUrl: string, role: Role, path = '/'): Promise<void> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  await page.goto(`${baseUrl}${path}`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.waitFor();
  await form.getByLabel('Username').fill(account.username);
  await form.getByLabel('Password').fill(account.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  // Attached, not visible: on a phone the account sits in the folded menu.
  await page.getByLabel('Signed in').getByText(account.displayName).waitFor({ state: 'attached' });
}

export interface SignedInSession {
  server: Awaited<ReturnType<typeof startTestServer>>;
  browser: Browser;
  page: Page;
  /** Asserts the page met no content-security-policy violation, then stops browser and server. */
  close(): Promise<void>;
}

/** The real server with demo data, Chromium, and one page signed in as `role` at `path`. */
export async function openSignedIn(role: Role, path = '/'): Promise<SignedInSession> {
  const server = await startTestServer({ demo: true });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // A missing element should fail its own step with a locator message, not the whole test's timeout.
  page.setDefaultTimeout(10_000);
  const violations = watchCsp(page);
  await signInAs(page, server.url, role, path);
  return {
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
      if (violations.length) throw new Error(`content security policy violations:\n${violations.join('\n')}`);
    }
  };
}
