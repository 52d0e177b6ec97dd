// Screenshots of every page at 1280 px and 390 px, light and dark, for looking at by eye.
// Usage: npx vite build && npx tsx scripts/shots.ts [outDir] [pathFilter]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, signInAs } from '../tests/e2e/support/browser.js';
import { startTestServer } from '../tests/support/test-server.js';
import { EVERY_PAGE } from '../tests/support/pages.js';

const out = process.argv[2] ?? 'test-results/shots';
const filter = process.argv[3] ?? '';
const PAGES = EVERY_PAGE;
mkdirSync(out, { recursive: true });
const server = await startTestServer({ demo: true });
const browser = await launchBrowser();
try {
  for (const scheme of (process.env.SCHEMES ?? 'light,dark').split(',') as ('light' | 'dark')[]) {
    for (const width of (process.env.WIDTHS ?? '1280,390').split(',').map(Number)) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(`${server.url}/login`);
      await page.screenshot({ path: join(out, `login-${width}-${scheme}.png`) });
      await signInAs(page, server.url, 'admin', '/');
      for (const path of PAGES.filter((p) => p.includes(filter))) {
        await page.goto(`${server.url}${path}`);
        await page.waitForLoadState('networkidle');
        const name = path === '/' ? 'overview' : path.slice(1).split('?')[0].replaceAll('/', '_');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        console.log(`${scheme} ${width} ${path} overflow=${overflow}`);
        await page.screenshot({ path: join(out, `${name}-${width}-${scheme}.png`), fullPage: true });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
