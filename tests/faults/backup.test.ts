// `npm run backup -- <file>` while writes continue: the copy passes integrity_check and a server starts on it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-catalogue.js';
import { testApp } from '../support/test-app.js';
import { signIn } from '../support/sign-in.js';
import { observationInput } from '../support/test-db.js';
import { ROOT, TSX, serverEnv } from './support/server-process.js';

function runBackup(dbFile: string, target: string) {
  const child = spawn(TSX, ['server/cli/backup.ts', target], { cwd: ROOT, env: serverEnv(dbFile) });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise<{ code: number | null; output: string }>((done) =>
    child.on('exit', (code) => done({ code, output }))
  );
}

describe('npm run backup', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('copies the database while writes continue; the copy is whole and a server starts on it', async () => {
    const dbFile = join(tmp.dir, 'live.db');
    const live = await testApp({ dbFile });
    const officer = await signIn(live.app, 'watch_officer');
    const acknowledged: string[] = [];
    let backingUp = true;
    const writes = (async () => {
      for (let i = 0; backingUp || i < 3; i++) {
        const rationale = `during backup ${i}`;
        const res = await officer.inject({
          method: 'POST',
          url: '/api/observations',
          payload: observationInput({ rationale, observedAt: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}` })
        });
        expect(res.statusCode).toBe(201);
        acknowledged.push(rationale);
      }
    })();
    const copy = join(tmp.dir, 'backups', 'copy.db');
    const result = await runBackup(dbFile, copy);
    backingUp = false;
    await writes;
    expect(result.output).toMatch(/integrity check ok/);
    expect(result.code).toBe(0);
    expect((await runBackup(dbFile, copy)).output).toMatch(/already exists/);
    await live.close();

    const check = new Database(copy, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const copied = check.prepare('SELECT rationale FROM observations').pluck().all() as string[];
    check.close();
    // A consistent moment: a prefix of the acknowledged writes, nothing else.
    expect(copied).toEqual(acknowledged.slice(0, copied.length));

    const restored = await testApp({ dbFile: copy });
    expect((await restored.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
      status: 'ok',
      writable: true
    });
    const reader = await signIn(restored.app, 'manager', 'test-manager-restored');
    const res = await reader.inject({ method: 'GET', url: '/api/indicators/salaries/observations' });
    expect(res.statusCode).toBe(200);
    await restored.close();
  }, 120_000);
});
