// The second half of `npm run bench`: the side-by-side comparisons, the scale ratios from the
// first half (each endpoint at 10× the data), the load test, the targets table and the results files.
import { loadavg } from 'node:os';
import { runComparisons } from './compare.js';
import { partial } from './only.js';
import { atMost, describeMachine, printTable, writeResults, type Entry } from './results.js';

export const LARGE = process.argv.includes('--large');

export interface ScaleFigures {
  observations: number[];
  /** Median ms per call of each timed call, one map per scale. */
  medians: Map<string, number>[];
}

/** Each timed call's cost at the largest scale over the smallest (target ≤ 1.5× at 10× the data). */
function scaleEntries({ observations, medians }: ScaleFigures): Entry[] {
  if (medians.length < 2) return [];
  const factor = Math.round(observations.at(-1)! / observations[0]);
  return [...medians[0].keys()].map((label) =>
    atMost(`${factor}× the data: ${label}`, medians.at(-1)!.get(label)! / medians[0].get(label)!, 1.5, {
      [`ms at ${observations[0].toLocaleString('en')}`]: medians[0].get(label)!,
      [`ms at ${observations.at(-1)!.toLocaleString('en')}`]: medians.at(-1)!.get(label)!
    })
  );
}

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export async function sideBySide(scales: ScaleFigures, startedAt: number, loadAtStart: number[] = loadavg()) {
  const { entries, observations, load } = await runComparisons({
    observations: number('BENCH_OBSERVATIONS', LARGE ? 1_000_000 : 20_000),
    importRows: number('BENCH_COMPARE_IMPORT_ROWS', LARGE ? 1_000_000 : 10_000),
    seconds: number('BENCH_SECONDS', 2),
    rounds: number('BENCH_COMPARE_ROUNDS', 2),
    connections: number('BENCH_CONNECTIONS', 4),
    loadSeconds: number('BENCH_LOAD_SECONDS', 10),
    log: (s) => console.log(s)
  });
  const all = [...entries, ...scaleEntries(scales)];
  printTable(all);
  const seconds = (Date.now() - startedAt) / 1000;
  console.log(`\nmixed load: ${JSON.stringify(load)}`);
  console.log(`whole run: ${seconds.toFixed(0)} s`);
  if (partial)
    return console.log('BENCH_ONLY: a partial run, bench/results.json and bench/results.md left as they were');
  writeResults(all, {
    mode: LARGE ? 'large' : 'default',
    observations,
    seconds,
    machine: describeMachine(loadAtStart),
    load
  });
  console.log('wrote bench/results.json and bench/results.md');
  if (load.errors || load.non2xx) process.exitCode = 1;
}
