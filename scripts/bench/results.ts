// The comparisons' results: one entry each (name, ratio, target, met, absolute figures), printed
// as a table and written to bench/results.json and bench/results.md with the machine and a short history.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT } from './servers.js';

export interface Entry {
  name: string;
  /** subject ÷ baseline: a speed ratio for "≥" targets, a cost ratio (time, bytes) for "≤" ones. */
  ratio: number;
  target: string;
  met: boolean;
  figures: Record<string, unknown>;
  note?: string;
}

export const atLeast = (
  name: string,
  ratio: number,
  min: number,
  figures: Record<string, unknown>,
  note?: string
): Entry => ({ name, ratio, target: `≥ ${min}×`, met: ratio >= min, figures, note });
export const atMost = (
  name: string,
  ratio: number,
  max: number,
  figures: Record<string, unknown>,
  note?: string
): Entry => ({ name, ratio, target: `≤ ${max}×`, met: ratio <= max, figures, note });

const fmt = (x: unknown): string =>
  typeof x === 'number' ? (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : x.toPrecision(3)) : String(x);
const figuresText = (f: Record<string, unknown>) =>
  Object.entries(f)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join('; ');

export function printTable(entries: Entry[]) {
  console.log('\nTargets (ratio = subject ÷ baseline; figures beside):');
  console.log(`  ${'comparison'.padEnd(62)} ${'ratio'.padStart(7)}  ${'target'.padEnd(7)} met`);
  for (const e of entries) {
    console.log(
      `  ${e.name.padEnd(62)} ${`${e.ratio.toFixed(2)}×`.padStart(7)}  ${e.target.padEnd(7)} ${e.met ? 'yes' : 'NO '}  ${figuresText(e.figures)}`
    );
  }
  console.log(`  ${entries.filter((e) => e.met).length} of ${entries.length} targets met`);
}

const version = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')[0];
  } catch {
    return 'not found';
  }
};

/** What the figures were measured on; the load average matters most on a shared machine. */
export function describeMachine(loadAtStart: number[]) {
  const db = new Database(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  db.close();
  return {
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqlite,
    chromium: version('chromium', ['--version']),
    loadAverageAtStart: loadAtStart.map((l) => Number(l.toFixed(1))),
    loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(1)))
  };
}

interface HistoryLine {
  at: string;
  mode: string;
  observations: number;
  met: number;
  of: number;
  loadAverage: number;
  seconds: number;
  missed: string[];
}

/** bench/results.json and bench/results.md; the history keeps the last 20 runs' summaries. */
export function writeResults(
  entries: Entry[],
  run: {
    mode: string;
    observations: number;
    seconds: number;
    machine: ReturnType<typeof describeMachine>;
    load: Record<string, unknown>;
  }
) {
  const dir = join(ROOT, 'bench');
  mkdirSync(dir, { recursive: true });
  const jsonFile = join(dir, 'results.json');
  const earlier = existsSync(jsonFile)
    ? ((JSON.parse(readFileSync(jsonFile, 'utf8')) as { history?: HistoryLine[] }).history ?? [])
    : [];
  const at = new Date().toISOString();
  const line: HistoryLine = {
    at,
    mode: run.mode,
    observations: run.observations,
    met: entries.filter((e) => e.met).length,
    of: entries.length,
    loadAverage: run.machine.loadAverageAtStart[0],
    seconds: Math.round(run.seconds),
    missed: entries.filter((e) => !e.met).map((e) => e.name)
  };
  const history = [...earlier, line].slice(-20);
  writeFileSync(jsonFile, `${JSON.stringify({ generatedAt: at, ...run, entries, history }, null, 2)}\n`);
  const m = run.machine;
  const md = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${run.mode === 'large' ? ' -- --large' : ''}\` on ${at.slice(0, 16).replace('T', ' ')} UTC, ${run.observations.toLocaleString('en')} observations, ${Math.round(run.seconds)} s in all.`,
    'See README, Benchmarks, for what each comparison measures.',
    '',
    '## Machine',
    '',
    `${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, SQLite ${m.sqlite}, ${m.chromium}. Shared with other work: load average ${m.loadAverageAtStart.join(' / ')} at the start, ${m.loadAverageAtEnd.join(' / ')} at the end (1 / 5 / 15 min).`,
    '',
    '## Targets',
    '',
    '| comparison | ratio | target | met | figures |',
    '| --- | ---: | --- | --- | --- |',
    ...entries.map(
      (e) =>
        `| ${e.name} | ${e.ratio.toFixed(2)}× | ${e.target} | ${e.met ? 'yes' : '**no**'} | ${figuresText(e.figures)}${e.note ? ` (${e.note})` : ''} |`
    ),
    '',
    '## Load',
    '',
    figuresText(run.load),
    '',
    '## History',
    '',
    '| run (UTC) | mode | observations | targets met | load avg | seconds | missed |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...history.map(
      (h) =>
        `| ${h.at.slice(0, 16).replace('T', ' ')} | ${h.mode} | ${h.observations.toLocaleString('en')} | ${h.met} of ${h.of} | ${h.loadAverage} | ${h.seconds} | ${h.missed.join('; ')} |`
    ),
    ''
  ];
  writeFileSync(join(dir, 'results.md'), md.join('\n'));
}
