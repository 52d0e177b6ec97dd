import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkSeparation } from '../../../server/catalogue/check-catalogue.js';
import { checkDemoObservations } from '../../../server/catalogue/check-demo.js';
import { loadCatalogue } from '../../../server/catalogue/load-catalogue.js';
import type { DemoObservationFile } from '../../../indicators/schema.js';
import { FIXTURE_CATALOGUE, REAL_CATALOGUE } from '../../support/test-catalogue.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

/** `npm run catalogue:check -- <dir>` as a user runs it: exit code and what it prints. */
async function catalogueCheck(dir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(
      resolve(ROOT, 'node_modules/.bin/tsx'),
      ['server/cli/check-catalogue.ts', dir],
      { cwd: ROOT }
    );
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('scenario separation (checked by catalogue:check, not by the loader)', () => {
  it('loads the small fixture but reports its one pair as too weakly separated, naming file and pair', () => {
    const { problems, idle } = checkSeparation(loadCatalogue(FIXTURE_CATALOGUE));
    expect(problems).toEqual([
      {
        file: resolve(FIXTURE_CATALOGUE, 'scenarios.yaml'),
        path: 'scenarios[0] × scenarios[1]',
        message:
          '"decline" and "resurgence" are separated (disjoint bands) by 2 indicators (salaries, transfers); at least 5 are needed'
      }
    ]);
    expect(idle).toEqual(['attacks']);
  });

  it('finds every pair of the shipped catalogue separated, and no idle indicator', () => {
    expect(checkSeparation(loadCatalogue(REAL_CATALOGUE))).toEqual({ problems: [], idle: [] });
  });

  it('the command fails on the fixture and passes on the shipped catalogue', async () => {
    const fixture = await catalogueCheck(FIXTURE_CATALOGUE);
    expect(fixture.code).toBe(1);
    expect(fixture.out).toMatch(
      /scenarios\.yaml: scenarios\[0\] × scenarios\[1\]: "decline" and "resurgence" are separated .* by 2 indicators/
    );
    expect(fixture.out).toMatch(/Separate no pair of scenarios \(non-diagnostic\): attacks\./);
    const real = await catalogueCheck(REAL_CATALOGUE);
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/5 scenarios \(10 pairs, each separated\).*Valid\./);
  }, 30_000);
});

describe('demonstration data mechanics', () => {
  const row = (indicator: string, observedAt: string, document = 'doc-a.txt'): DemoObservationFile => ({
    indicator,
    observedAt,
    document,
    level: 2,
    section: 'S',
    reliability: 'C',
    credibility: 3,
    rationale: 'r'
  });

  it('accepts six readings a day and distinct reports', () => {
    const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((i) => row(i, '2023-05-31'));
    expect(checkDemoObservations(rows, 'demo.yaml')).toEqual([]);
    expect(
      checkDemoObservations(
        [row('a', '2023-05-31'), row('a', '2023-05-31', 'doc-b.txt'), row('a', '2023-06-01')],
        'demo.yaml'
      )
    ).toEqual([]);
  });

  it('refuses a seventh reading on a day and a repeated indicator, day and source', () => {
    const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((i) => row(i, '2023-05-31'));
    expect(checkDemoObservations(rows, 'demo.yaml').map((p) => p.message)).toEqual([
      '7 readings fall on 2023-05-31; at most 6 a day'
    ]);
    const twice = checkDemoObservations(
      [row('a', '2023-05-31'), row('b', '2023-05-31'), row('a', '2023-05-31')],
      'demo.yaml'
    );
    expect(twice).toEqual([
      { file: 'demo.yaml', path: 'observations[2]', message: expect.stringMatching(/^repeats observations\[0\]/) }
    ]);
  });
});
