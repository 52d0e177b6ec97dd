// SIGTERM during writes: requests in flight finish, the database closes (its WAL folded back), exit 0.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-catalogue.js';
import { observationBody, postAs, prepareDb, signInOver, startServer } from './support/server-process.js';

describe('graceful shutdown', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('on SIGTERM finishes the writes in flight, stores exactly what it acknowledged, closes the database', async () => {
    const dbFile = join(tmp.dir, 'w.db');
    await prepareDb(dbFile, ['watch_officer']);
    const server = await startServer(dbFile);
    const session = await signInOver(server.url, 'watch_officer');
    expect((await postAs(server.url, session, '/api/observations', observationBody('before'))).status).toBe(201);

    const outcomes: { mark: string; status: number | 'no answer' }[] = [];
    let signalled = false;
    const inFlightAtSignal: string[] = [];
    const pending = new Set<string>();
    const send = async (mark: string) => {
      pending.add(mark);
      try {
        const res = await postAs(server.url, session, '/api/observations', observationBody(mark));
        outcomes.push({ mark, status: res.status });
      } catch {
        outcomes.push({ mark, status: 'no answer' });
      } finally {
        pending.delete(mark);
      }
    };
    const sends = Array.from({ length: 12 }, (_, i) => send(`in flight ${i}`));
    // Signal once the first answer is back: the others are then queued in the server or on the wire.
    const first = Promise.race(sends).then(() => {
      signalled = true;
      inFlightAtSignal.push(...pending);
      server.child.kill('SIGTERM');
    });
    await Promise.all([...sends, first]);
    expect(signalled).toBe(true);
    expect(await server.exited).toBe(0);

    // Requests arriving after the signal are refused with 503 (the server is closing) and not stored.
    expect(outcomes.filter((o) => typeof o.status === 'number' && o.status !== 201 && o.status !== 503)).toEqual([]);
    const answered = outcomes.filter((o) => o.status === 201).map((o) => o.mark);
    // Requests the server had taken when the signal came were finished, not dropped.
    expect(answered.filter((m) => inFlightAtSignal.includes(m)).length).toBeGreaterThan(0);
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    const db = new Database(dbFile, { readonly: true });
    const stored = db.prepare('SELECT rationale FROM observations').pluck().all() as string[];
    db.close();
    expect(stored.sort()).toEqual(['before', ...answered].sort());
  }, 120_000);
});
