// Several server processes writing to one database while readers load them: no busy error reaches a
// client, no write is lost, the WAL stays bounded.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-catalogue.js';
import {
  observationBody,
  postAs,
  prepareDb,
  signInOver,
  startServer,
  type ServerProcess
} from './support/server-process.js';

const PROCESSES = 3;
const WRITES_PER_PROCESS = 25;
const WAL_LIMIT = 16 * 1024 * 1024;

describe('several writer processes on one database', () => {
  const tmp = tempDir();
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    tmp.remove();
  });

  it('lose no write, let no SQLITE_BUSY through, and keep the WAL bounded', async () => {
    const dbFile = join(tmp.dir, 'w.db');
    await prepareDb(dbFile, ['watch_officer']);
    for (let i = 0; i < PROCESSES; i++) servers.push(await startServer(dbFile));
    // Sessions live in the shared database: one sign-in serves every process.
    const session = await signInOver(servers[0].url, 'watch_officer');
    const failures: string[] = [];
    let walPeak = 0;
    let writing = true;
    const writer = async (s: ServerProcess, p: number) => {
      for (let i = 0; i < WRITES_PER_PROCESS; i++) {
        const res = await postAs(
          s.url,
          session,
          '/api/observations',
          observationBody(`process ${p} write ${i}`, 1 + ((p * 7 + i) % 28))
        );
        if (res.status !== 201) failures.push(`${p}/${i}: ${res.status} ${await res.text()}`);
        walPeak = Math.max(walPeak, statSync(`${dbFile}-wal`, { throwIfNoEntry: false })?.size ?? 0);
      }
    };
    const reader = async (s: ServerProcess) => {
      let reads = 0;
      while (writing) {
        for (const path of ['/api/overview', '/api/scenarios/fit', '/api/indicators/salaries/observations']) {
          const res = await fetch(`${s.url}${path}`, { headers: { cookie: session.cookie } });
          if (res.status !== 200) failures.push(`read ${path}: ${res.status} ${await res.text()}`);
          reads++;
        }
      }
      return reads;
    };
    const readers = servers.map(reader);
    await Promise.all(servers.map(writer));
    writing = false;
    const reads = (await Promise.all(readers)).reduce((a, b) => a + b, 0);

    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(PROCESSES);
    const db = new Database(dbFile, { readonly: true });
    const stored = db.prepare('SELECT rationale FROM observations').pluck().all() as string[];
    db.close();
    expect(stored.length).toBe(PROCESSES * WRITES_PER_PROCESS);
    expect(new Set(stored).size).toBe(stored.length);
    expect(walPeak).toBeGreaterThan(0);
    expect(walPeak).toBeLessThan(WAL_LIMIT);
  }, 300_000);
});
