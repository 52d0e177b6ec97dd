// The maintenance commands against a real database file, as an operator types them.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_CATALOGUE, tempDir } from '../support/test-catalogue.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm run assessment:rebuild, digest -- --dry-run', () => {
  let tmp: ReturnType<typeof tempDir>;
  let env: NodeJS.ProcessEnv;
  const run = (script: string, args: string[] = []) =>
    spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [`server/cli/${script}.ts`, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env
    });
  beforeEach(() => {
    tmp = tempDir();
    env = {
      ...process.env,
      WATCHFLOOR_DB: join(tmp.dir, 'w.db'),
      WATCHFLOOR_CATALOGUE: FIXTURE_CATALOGUE,
      WATCHFLOOR_DEMO: '0',
      WATCHFLOOR_OUTBOX: join(tmp.dir, 'outbox')
    };
  });
  afterEach(() => tmp.remove());

  it('rebuild creates and migrates the database if need be, and reports what it rebuilt', () => {
    const rebuilt = run('assessment-rebuild');
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(
      /^Assessment rebuilt in \d+ ms: \d+ vote segments, \d+ days; warnings: \d+ new, \d+ withdrawn\.\n$/
    );
  });

  it('the dry-run digest prints a subject and sends nothing; a bad call says how to call it, exit 1', () => {
    const dry = run('digest', ['--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/^Subject: .+\nTo: \(no subscribers\)\n\n/);
    const usage = run('digest');
    expect(usage.status).toBe(1);
    expect(usage.stderr.trim()).toBe('usage: npm run digest -- --now | --dry-run');
  });

  it('a broken catalogue stops a command before the database is touched', () => {
    const broken = join(tmp.dir, 'broken');
    writeFileSync(join(tmp.dir, 'broken'), 'not a folder');
    env.WATCHFLOOR_CATALOGUE = broken;
    const failed = run('assessment-rebuild');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^The catalogue is invalid \(\d+ problems?\):\n/);
    expect(failed.stderr).not.toMatch(/\n\s+at /); // a message, not a stack
    expect(spawnSync('test', ['-e', join(tmp.dir, 'w.db')]).status).toBe(1);
  });
});
