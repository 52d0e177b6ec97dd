import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyOfFixtureCatalogue, FIXTURE_CATALOGUE, tempDir } from '../support/test-catalogue.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Runs `server/main.ts` as `npm start` would, collecting its output. */
function startProcess(env: Record<string, string>) {
  const child = spawn(TSX, ['server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env }
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const serving = new Promise<string>((done, fail) => {
    child.stdout.on('data', () => {
      const m = output.match(/serving (http:\/\/\S+)/);
      if (m) done(m[1]);
    });
    void exited.then(() => fail(new Error(`exited before serving:\n${output}`)));
  });
  serving.catch(() => undefined); // tests of a failed start await `exited` instead
  return { child, exited, serving, output: () => output };
}

describe('the server process', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('serves, then on SIGTERM closes the server and the database and exits 0', async () => {
    const dbFile = join(tmp.dir, 'w.db');
    const p = startProcess({ WATCHFLOOR_DB: dbFile, WATCHFLOOR_CATALOGUE: FIXTURE_CATALOGUE });
    const url = await p.serving;
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok', writable: true });
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    // A cleanly closed WAL database folds its log back into the main file.
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
  });

  it('refuses to start on an invalid catalogue, naming file and field', async () => {
    const cat = copyOfFixtureCatalogue(tmp.dir);
    cat.edit('scenarios.yaml', (t) => t.replace('prior: 0.4', 'prior: 2'));
    const p = startProcess({ WATCHFLOOR_DB: join(tmp.dir, 'w.db'), WATCHFLOOR_CATALOGUE: cat.dir });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/scenarios\.yaml: scenarios\[1\]\.prior/);
    expect(existsSync(join(tmp.dir, 'w.db'))).toBe(false);
  });

  it('refuses a bad environment variable, naming it', async () => {
    const p = startProcess({ WATCHFLOOR_DB: join(tmp.dir, 'w.db'), WATCHFLOOR_DEMO: 'maybe' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/WATCHFLOOR_DEMO: must be 1 or 0/);
  });
});
