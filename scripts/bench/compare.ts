// `npm run bench`'s side-by-side comparisons: each target of the speed issue, measured in one run
// against its raw counterpart, then a mixed load of 50 clients. See README, Benchmarks.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../server/db/open-db.js';
import { createStore } from '../../server/db/store.js';
import { chartDraw } from './chart-draw.js';
import { buildBenchDb, OFFICERS, tenYearsAgo } from './data.js';
import { firstPageJs, launch } from './first-page-js.js';
import { endpointComparisons } from './endpoints.js';
import { importVsRaw, storeWriteVsRaw, writeInput } from './in-process.js';
import { mixedLoad } from './mixed-load.js';
import { wanted } from './only.js';
import { atLeast, atMost, type Entry } from './results.js';
import { ROOT, signInOver, startApp, startBare } from './servers.js';

export interface CompareOptions {
  observations: number;
  importRows: number;
  /** Seconds per measurement and round; rounds interleave subject and baseline. */
  seconds: number;
  rounds: number;
  connections: number;
  loadSeconds: number;
  log: (s: string) => void;
}

export async function runComparisons(
  o: CompareOptions
): Promise<{ entries: Entry[]; observations: number; load: Record<string, unknown> }> {
  const staticDir = join(ROOT, 'build');
  if (!existsSync(join(staticDir, 'index.html')))
    throw new Error('build/ is missing: run `npm run build` (or `npx vite build`) before `npm run bench`');
  o.log(
    `\nComparisons: building a database of ${o.observations.toLocaleString('en')} observations over ten years (${OFFICERS.length} officers, 30 sources)…`
  );
  const data = await buildBenchDb(o.observations, o.log);
  o.log(`  built in ${(data.buildMs / 1000).toFixed(1)} s`);
  const entries: Entry[] = [];
  const [seriesId, writeId] = data.indicatorIds;
  const from = tenYearsAgo();

  const importName = `bulk import of ${o.importRows.toLocaleString('en')} vs raw insert in one transaction`;
  if (wanted(importName)) {
    o.log(`  bulk import of ${o.importRows.toLocaleString('en')} observations…`);
    const imp = importVsRaw(
      data.file,
      [join(data.dir, 'import-store.db'), join(data.dir, 'import-raw.db')],
      o.importRows,
      data.indicatorIds
    );
    entries.push(
      atLeast(importName, imp.raw / imp.store, 0.5, {
        storeSeconds: imp.store,
        rawSeconds: imp.raw,
        storeRowsPerSecond: o.importRows / imp.store,
        rawRowsPerSecond: o.importRows / imp.raw
      })
    );
  }

  if (wanted('store write vs raw insert + audit row')) {
    o.log('  store write vs raw transaction…');
    const officerId = (() => {
      const db = openDb(data.file);
      const id = createStore(db, { includeDemo: false }).users.forLogin(OFFICERS[0])?.id;
      db.close();
      return id ?? 1;
    })();
    const [storeWrite, rawWrite] = await storeWriteVsRaw(data.file, writeId, officerId, o.seconds, o.rounds);
    entries.push(
      atLeast(
        'store write vs raw insert + audit row (synchronous FULL)',
        storeWrite.perSecond / rawWrite.perSecond,
        0.3,
        {
          storeWritesPerSecond: storeWrite.perSecond,
          rawWritesPerSecond: rawWrite.perSecond,
          storeMeanMs: storeWrite.meanMs,
          rawMeanMs: rawWrite.meanMs
        }
      )
    );
  }

  o.log('  starting the server and the bare node:http baseline…');
  const [app, bare] = await Promise.all([startApp(data.file, staticDir), startBare(data.file)]);
  try {
    const officer = await signInOver(app.url, OFFICERS[0]);
    const manager = await signInOver(app.url, 'bench-manager');
    const seriesPath = `/indicators/${seriesId}/series?period=week&from=${from}`;
    entries.push(
      ...(await endpointComparisons(
        { app, bare, officer, manager, file: data.file, seriesId, writeId, from, seriesPath },
        o
      ))
    );

    if (!wanted('mixed load') && !wanted("first page's JavaScript") && !wanted('indicator chart'))
      return { entries, observations: data.observations, load: {} };
    o.log(`  mixed load: 50 clients for ${o.loadSeconds} s…`);
    const load = await mixedLoad(app.url, officer.headers, {
      seriesPath,
      writeBody: JSON.stringify(writeInput(writeId, 0)),
      seconds: o.loadSeconds
    });

    o.log('  first page JavaScript and the indicator chart in Chromium…');
    const browser = await launch();
    try {
      const js = await firstPageJs(browser, app.url, officer.cookie, o.log);
      entries.push(
        atMost(
          "first page's JavaScript (gzip) vs a blank SvelteKit page",
          js.app.gzipBytes / js.blank.gzipBytes,
          4,
          {
            appGzipKiB: js.app.gzipBytes / 1024,
            blankGzipKiB: js.blank.gzipBytes / 1024,
            appScripts: js.app.scripts,
            blankScripts: js.blank.scripts,
            appRawKiB: js.app.rawBytes / 1024
          },
          'the overview, signed in; every script loaded, each gzipped at level 9'
        )
      );
      const chart = await chartDraw(browser, app.url, officer, seriesId, from, 10);
      entries.push(
        atMost('indicator chart, 10 years weekly, vs bare chart.js line (draw)', chart.appMs / chart.bareMs, 2, {
          appMs: chart.appMs,
          bareMs: chart.bareMs,
          periods: chart.periods,
          observations: chart.observations
        })
      );
    } finally {
      await browser.close();
    }
    return { entries, observations: data.observations, load };
  } finally {
    await Promise.all([app.stop(), bare.stop()]);
    data.remove();
  }
}
