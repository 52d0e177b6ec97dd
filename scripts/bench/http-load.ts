// autocannon on 127.0.0.1, reduced to the figures the comparisons use, and a same-process
// loop timed the same way, so an endpoint and its raw counterpart are read in one unit.
import autocannon from 'autocannon';

export interface Figures {
  /** Completed calls per second. */
  perSecond: number;
  /** Mean latency in ms (for a loop: ms per call). */
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  calls: number;
  errors: number;
  non2xx: number;
}

export interface Target {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Several requests each connection cycles through (a mix); overrides method and body. */
  requests?: autocannon.Request[];
}

/**
 * `connections` clients for `seconds` against one target. An endpoint so slow that the window
 * completes almost nothing is run again for a fixed number of requests instead, timed whole.
 */
export async function hammer(target: Target, connections: number, seconds: number): Promise<Figures> {
  const options = {
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    requests: target.requests,
    connections,
    timeout: 60
  };
  let result = await autocannon({ ...options, duration: seconds });
  let elapsed = result.duration || seconds;
  if (result.requests.total < 2 * connections) {
    const started = Date.now();
    result = await autocannon({ ...options, amount: 3 * connections });
    elapsed = (Date.now() - started) / 1000;
  }
  const { latency, requests } = result;
  return {
    perSecond: requests.total / elapsed,
    meanMs: latency.average,
    p50Ms: latency.p50,
    p90Ms: latency.p90,
    p99Ms: latency.p99,
    maxMs: latency.max,
    calls: requests.total,
    errors: result.errors,
    non2xx: result.non2xx
  };
}

/** `fn` called back to back for `seconds` (at least 3 calls) in this process. */
export function loop(fn: () => unknown, seconds: number): Figures {
  for (let i = 0; i < 3; i++) fn(); // warm the JIT and statement caches, as the servers' first requests do
  const times: number[] = [];
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (times.length < 3 || elapsed < seconds * 1000) {
    const t = process.hrtime.bigint();
    fn();
    const now = process.hrtime.bigint();
    times.push(Number(now - t) / 1e6);
    elapsed = Number(now - start) / 1e6;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return {
    perSecond: (times.length * 1000) / elapsed,
    meanMs: elapsed / times.length,
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: times.at(-1)!,
    calls: times.length,
    errors: 0,
    non2xx: 0
  };
}

/**
 * Interleaved rounds of two measurements (A, B, A, B, …), keeping each one's best round: on a
 * shared machine a burst of other work only ever slows a round down, so the best is the least disturbed.
 */
export async function sideBySide(
  rounds: number,
  a: () => Promise<Figures> | Figures,
  b: () => Promise<Figures> | Figures
): Promise<[Figures, Figures]> {
  let bestA: Figures | null = null;
  let bestB: Figures | null = null;
  for (let r = 0; r < rounds; r++) {
    const fa = await a();
    const fb = await b();
    if (!bestA || fa.perSecond > bestA.perSecond) bestA = fa;
    if (!bestB || fb.perSecond > bestB.perSecond) bestB = fb;
  }
  return [bestA!, bestB!];
}
