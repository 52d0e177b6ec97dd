// Lighthouse scores (accessibility, best practices, performance) for every page, desktop and phone,
// against the real server with demonstration data. Not part of `npm test`: scores move with machine
// load, and no test may depend on timing. Usage: npx vite build && npm run lighthouse [-- <pathFilter>]
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { DEMO_ACCOUNTS } from '../server/auth/demo-accounts.js';
import { SESSION_COOKIE } from '../server/auth/auth-plugin.js';
import { startTestServer } from '../tests/support/test-server.js';

const PAGES = [
  '/login', '/', '/indicators/external-funding-flows', '/families/funding', '/scenarios',
  '/scenarios/underground-persistence', '/warnings', '/validator', '/digests', '/sources', '/settings'
];
const CATEGORIES = ['accessibility', 'best-practices', 'performance'] as const;
const filter = process.argv[2] ?? '';

const server = await startTestServer({ demo: true });
const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: admin.password } });
const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking']
});

const rows: string[][] = [];
try {
  for (const path of PAGES.filter((p) => p.includes(filter))) {
    for (const form of ['desktop', 'phone'] as const) {
      const flags = {
        port: chrome.port,
        output: 'json' as const,
        logLevel: 'error' as const,
        onlyCategories: [...CATEGORIES],
        // Signed in as the demo administrator; the sign-in page is measured signed out.
        extraHeaders: (path === '/login' ? {} : { Cookie: cookie }) as Record<string, string>
      };
      const result = await lighthouse(`${server.url}${path}`, flags, form === 'desktop' ? desktopConfig : undefined);
      const cats = result!.lhr.categories;
      const score = (c: (typeof CATEGORIES)[number]) => String(Math.round((cats[c]?.score ?? 0) * 100));
      rows.push([path, form, ...CATEGORIES.map(score)]);
      const failing = Object.values(result!.lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary');
      console.error(`${path} ${form}: ${rows.at(-1)!.slice(2).join(' ')}${failing.length ? `  (failing: ${failing.map((a) => a.id).join(', ')})` : ''}`);
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}

console.log(`| page | form | accessibility | best practices | performance |\n| --- | --- | --: | --: | --: |`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
