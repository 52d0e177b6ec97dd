// The endpoint comparisons of `npm run bench`: the series beside its raw statement and beside a
// bare node:http server, the overview and the fit beside the series, and the POST endpoint
// beside the bare server calling the same store write. See README, Benchmarks.
import { openDb } from '../../server/db/open-db.js';
import type { CompareOptions } from './compare.js';
import { hammer, loop, sideBySide, type Figures } from './http-load.js';
import { rawSeries, writeInput } from './in-process.js';
import { wanted } from './only.js';
import { atLeast, atMost, type Entry } from './results.js';
import type { Running, Session } from './servers.js';

export interface EndpointContext {
  app: Running;
  bare: Running;
  officer: Session;
  manager: Session;
  file: string;
  seriesId: string;
  writeId: string;
  from: string;
  seriesPath: string;
}

/** A measurement's throughput and latency, under `name`. */
const speed = (name: string, f: Figures) => ({
  [`${name}PerSecond`]: f.perSecond,
  [`${name}MeanMs`]: f.meanMs,
  [`${name}P99Ms`]: f.p99Ms,
  [`${name}Calls`]: f.calls
});
const ok = (f: Figures, what: string) => {
  if (f.errors || f.non2xx) throw new Error(`${what}: ${f.errors} errors, ${f.non2xx} non-2xx answers`);
  return f;
};

export async function endpointComparisons(c: EndpointContext, o: CompareOptions): Promise<Entry[]> {
  const { app, bare, officer, manager, seriesId, writeId, from, seriesPath } = c;
  const entries: Entry[] = [];
  // A server's first requests run cold code; each target is called ten times before it is timed.
  const warmed = new Set<string>();
  const warm = async (url: string, init: RequestInit) => {
    if (warmed.has(url)) return;
    warmed.add(url);
    for (let i = 0; i < 10; i++) await (await fetch(url, init)).arrayBuffer();
  };
  const get =
    (url: string, headers = officer.headers) =>
    async () => {
      await warm(url, { headers });
      return hammer({ url, headers }, o.connections, o.seconds).then((f) => ok(f, url));
    };
  const appSeries = get(`${app.url}/api${seriesPath}`);

  if (wanted('series endpoint vs')) {
    o.log('  series: endpoint vs raw statement, vs bare node:http…');
    const cadenceDays = await fetch(`${app.url}/api/indicators/${seriesId}`, { headers: officer.headers }).then(
      async (r) => ((await r.json()) as { cadenceDays: number }).cadenceDays
    );
    const rawDb = openDb(c.file);
    const raw = rawSeries(rawDb, seriesId, from, cadenceDays);
    const [endpoint, rawFigures] = await sideBySide(o.rounds, appSeries, () => loop(raw.whole, o.seconds));
    const queryOnly = loop(raw.queryOnly, Math.min(1, o.seconds));
    rawDb.close();
    entries.push(
      atLeast(
        'series endpoint vs raw prepared statement in-process',
        endpoint.perSecond / rawFigures.perSecond,
        0.6,
        {
          ...speed('endpoint', endpoint),
          ...speed('raw', rawFigures),
          rawQueryOnlyMs: queryOnly.meanMs,
          connections: o.connections
        },
        'raw = the statement, the same series computation and JSON.stringify'
      )
    );
    const [endpoint2, bareSeries] = await sideBySide(
      o.rounds,
      appSeries,
      get(`${bare.url}${seriesPath.replace('/indicators/', '/series/').replace('/series?', '?')}`, {})
    );
    entries.push(
      atLeast('series endpoint vs bare node:http, same query + JSON', endpoint2.perSecond / bareSeries.perSecond, 0.9, {
        ...speed('endpoint', endpoint2),
        ...speed('bare', bareSeries)
      })
    );
  }

  o.log('  overview and fit vs one series…');
  if (wanted('overview vs one indicator series')) {
    const [overview, series3] = await sideBySide(o.rounds, get(`${app.url}/api/overview`), appSeries);
    entries.push(
      atMost('overview vs one indicator series (time per request)', series3.perSecond / overview.perSecond, 2, {
        ...speed('overview', overview),
        ...speed('series', series3)
      })
    );
  }

  if (wanted('fit over 10 years weekly')) {
    const fitUrl = `${app.url}/api/scenarios/fit?period=week&from=${from}`;
    const [fit, series4] = await sideBySide(o.rounds, get(fitUrl, manager.headers), appSeries);
    entries.push(
      atMost(
        'fit over 10 years weekly vs series, same range (time per request)',
        series4.perSecond / fit.perSecond,
        2,
        {
          ...speed('fit', fit),
          ...speed('series', series4)
        }
      )
    );
  }

  if (wanted('POST /api/observations vs bare')) {
    o.log('  POST endpoint vs bare node:http calling the same store write…');
    let n = 0;
    const post = (url: string, headers: Record<string, string>) => async () => {
      const json = { ...headers, 'content-type': 'application/json' };
      await warm(url, { method: 'POST', headers: json, body: JSON.stringify(writeInput(writeId, n++)) });
      const body = JSON.stringify(writeInput(writeId, n++));
      return hammer({ url, method: 'POST', headers: json, body }, o.connections, o.seconds).then((f) => ok(f, url));
    };
    const [postApp, postBare] = await sideBySide(
      o.rounds,
      post(`${app.url}/api/observations`, officer.headers),
      post(`${bare.url}/observations`, {})
    );
    entries.push(
      atLeast(
        'POST /api/observations vs bare node:http, same store write',
        postApp.perSecond / postBare.perSecond,
        0.8,
        {
          ...speed('endpoint', postApp),
          ...speed('bare', postBare)
        }
      )
    );
  }

  return entries;
}
