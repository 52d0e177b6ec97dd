// The load test: 50 clients at once on a mix of reads and writes, for a bounded time; every
// answer must be a success. Its latency percentiles go into the bench output and results.
import { hammer } from './http-load.js';

export const LOAD_CLIENTS = 50;

/** Each client cycles through four reads and one write (an officer's page loads and a recording). */
export async function mixedLoad(
  url: string,
  headers: Record<string, string>,
  o: { seriesPath: string; writeBody: string; seconds: number }
) {
  const json = { ...headers, 'content-type': 'application/json' };
  const f = await hammer(
    {
      url,
      headers,
      requests: [
        { method: 'GET', path: '/api/overview' },
        { method: 'GET', path: `/api${o.seriesPath}` },
        { method: 'GET', path: '/api/warnings?state=open' },
        { method: 'GET', path: '/api/indicators' },
        { method: 'POST', path: '/api/observations', headers: json, body: o.writeBody }
      ]
    },
    LOAD_CLIENTS,
    o.seconds
  );
  const figures = {
    clients: LOAD_CLIENTS,
    seconds: o.seconds,
    requests: f.calls,
    perSecond: f.perSecond,
    errors: f.errors,
    non2xx: f.non2xx,
    p50Ms: f.p50Ms,
    p90Ms: f.p90Ms,
    p99Ms: f.p99Ms,
    maxMs: f.maxMs,
    mix: '4 reads : 1 write'
  };
  console.log(
    `  load: ${f.calls} requests in ${o.seconds} s (${f.perSecond.toFixed(0)}/s), ${f.errors} errors, ${f.non2xx} non-2xx; ` +
      `latency p50 ${f.p50Ms} ms, p90 ${f.p90Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms`
  );
  return figures;
}
