// Screenshots of every page at 1280 px and 390 px, light and dark, for looking at by eye: every route as the
// administrator, the pages that differ by role as officer and manager, and the anonymous pages (sign-in,
// unsubscribe, an error). Each line printed names the page's sideways overflow, which must be 0.
// Usage: npx vite build && npx tsx scripts/shots.ts [outDir] [pathFilter]   (env WIDTHS=1280,390 SCHEMES=light,dark)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runDigest } from '../server/jobs/send-digest.js';
import { createMailer } from '../server/mail/mailer.js';
import type { Role } from '../server/schemas/index.js';
import { launchBrowser, signInAs } from '../tests/e2e/support/browser.js';
import { tempDir } from '../tests/support/test-catalogue.js';
import { startTestServer } from '../tests/support/test-server.js';
import { EVERY_PAGE } from '../tests/support/pages.js';

const out = process.argv[2] ?? 'test-results/shots';
const filter = process.argv[3] ?? '';
const INDICATOR = '/indicators/external-funding-flows';

mkdirSync(out, { recursive: true });
const server = await startTestServer({ demo: true });
const outbox = tempDir('watchfloor-shots-outbox-');
const ids = await sampleIds();

/** Pages per role: the administrator sees every route; the others where their page differs or is refused. */
const PAGES: Record<Role, string[]> = {
  admin: [...EVERY_PAGE, `/digests/${ids.digest}`, `/sources/${ids.source}`, '/indicators/no-such-indicator'],
  watch_officer: ['/', INDICATOR, '/families/funding', '/warnings', '/sources', '/import', '/settings', '/admin/users'],
  manager: ['/', INDICATOR, '/warnings', '/digests', '/sources', '/settings']
};
const ANONYMOUS = ['/login', `/unsubscribe?token=${encodeURIComponent(ids.unsubscribeToken)}`];

/** A digest sent through the real job (into a temporary outbox) so its page has something to show. */
async function sampleIds() {
  const mailer = createMailer({ smtpUrl: null, outboxDir: outbox.dir, from: 'wf@example.org' });
  const run = await runDigest(
    { store: server.app.store, clock: () => new Date(), mailer, appUrl: server.url, holder: 'shots' },
    { kind: 'compose', slot: null }
  );
  mailer.close();
  if (run.outcome !== 'done') throw new Error(`the digest job did not send: ${run.outcome}`);
  const first = (sql: string) => server.db.prepare(sql).pluck().get();
  return {
    digest: run.digestId,
    source: first('SELECT id FROM sources ORDER BY id LIMIT 1') as number,
    unsubscribeToken: first("SELECT unsubscribe_token FROM users WHERE username = 'demo-manager'") as string
  };
}

function fileName(role: string, path: string): string {
  const name = path === '/' ? 'overview' : path.slice(1).split('?')[0].replaceAll('/', '_');
  return role === 'admin' ? name : `${role}-${name}`;
}

async function shoot(page: Page, role: string, path: string, width: number, scheme: string) {
  await page.goto(`${server.url}${path}`);
  await page.waitForLoadState('networkidle');
  await scrollThrough(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  console.log(`${scheme} ${width} ${role} ${path} overflow=${overflow}`);
  await page.screenshot({ path: join(out, `${fileName(role, path)}-${width}-${scheme}.png`), fullPage: true });
}

/** Charts draw and deferred sections render as they come near the viewport: pass over the page first. */
async function scrollThrough(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => scrollTo(0, top), y);
    await page.waitForTimeout(150);
  }
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

async function shootAll(browser: Browser, width: number, scheme: 'light' | 'dark') {
  const open = () => browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  const anonymous = await open();
  for (const path of ANONYMOUS.filter((p) => p.includes(filter)))
    await shoot(anonymous, 'anonymous', path, width, scheme);
  await anonymous.close();
  for (const [role, paths] of Object.entries(PAGES) as [Role, string[]][]) {
    const chosen = paths.filter((p) => p.includes(filter));
    if (!chosen.length) continue;
    const page = await open();
    await signInAs(page, server.url, role, '/');
    for (const path of chosen) await shoot(page, role, path, width, scheme);
    await page.close();
  }
}

const browser = await launchBrowser();
try {
  for (const scheme of (process.env.SCHEMES ?? 'light,dark').split(',') as ('light' | 'dark')[])
    for (const width of (process.env.WIDTHS ?? '1280,390').split(',').map(Number))
      await shootAll(browser, width, scheme);
} finally {
  await browser.close();
  await server.close();
  outbox.remove();
}
