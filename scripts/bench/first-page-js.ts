// The first page's JavaScript, gzipped, beside a blank SvelteKit page built the same way
// (adapter-static, SPA fallback, no SSR) from the packages installed here: no network.
// Both are measured alike: every script Chromium loads for the page, each body gzipped (level 9).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../tests/e2e/support/browser.js';
import { ROOT } from './servers.js';

export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });

const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

const BLANK_FILES: Record<string, string> = {
  'package.json': '{ "name": "blank-kit", "private": true, "type": "module" }\n',
  'svelte.config.js': `import adapter from '@sveltejs/adapter-static';
export default { kit: { adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }) } };\n`,
  'vite.config.js': "import { sveltekit } from '@sveltejs/kit/vite';\nexport default { plugins: [sveltekit()] };\n",
  'src/app.html':
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8" />%sveltekit.head%</head>\n<body><div style="display: contents">%sveltekit.body%</div></body></html>\n',
  'src/routes/+layout.ts': 'export const ssr = false;\nexport const prerender = false;\n',
  'src/routes/+page.svelte': '<h1>Blank</h1>\n'
};

/** A blank SvelteKit SPA, built once per installed kit/svelte/vite version and kept in node_modules/.cache. */
export function blankKitBuild(log: (s: string) => void): string {
  const versions = ['@sveltejs/kit', 'svelte', 'vite', '@sveltejs/adapter-static'].map(versionOf).join('-');
  const dir = join(ROOT, 'node_modules/.cache/watchfloor-bench', `blank-kit-${versions}`);
  const build = join(dir, 'build');
  if (existsSync(join(build, 'index.html'))) return build;
  log(`  building a blank SvelteKit page (kit, svelte, vite, adapter-static ${versions}) in ${dir}`);
  for (const [file, text] of Object.entries(BLANK_FILES)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
    cwd: dir,
    stdio: 'inherit'
  });
  return build;
}

/** A static server for a build folder, index.html for every other path (as the SPA fallback). */
function serveStatic(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.html': 'text/html',
    '.svg': 'image/svg+xml'
  };
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = path.startsWith(dir) && existsSync(path) && extname(path) ? path : join(dir, 'index.html');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() })
    )
  );
}

export interface PageJs {
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
}

/** Every script the page at `url` loads until the network is quiet, and their gzipped sizes. */
async function scriptsOf(context: BrowserContext, url: string, ready?: string): Promise<PageJs> {
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(r.url())) bodies.push(r.body());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  if (ready) await page.locator(ready).first().waitFor();
  const all = await Promise.all(bodies);
  await page.close();
  return {
    scripts: all.length,
    rawBytes: all.reduce((s, b) => s + b.length, 0),
    gzipBytes: all.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0)
  };
}

/** The app's overview (signed in, as an officer opens it every day) and the blank page. */
export async function firstPageJs(
  browser: Browser,
  appUrl: string,
  sessionCookie: string,
  log: (s: string) => void
): Promise<{ app: PageJs; blank: PageJs }> {
  const [name, value] = sessionCookie.split('=');
  const appContext = await browser.newContext();
  await appContext.addCookies([{ name, value, url: appUrl }]);
  const app = await scriptsOf(appContext, `${appUrl}/`, 'main h1, main h2');
  await appContext.close();
  const blankServer = await serveStatic(blankKitBuild(log));
  const blankContext = await browser.newContext();
  const blank = await scriptsOf(blankContext, `${blankServer.url}/`, 'h1');
  await blankContext.close();
  blankServer.close();
  return { app, blank };
}
