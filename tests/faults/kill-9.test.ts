// Kill -9 during a stream of writes, 50 times: what the client saw acknowledged survives, nothing else appears.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/open-db.js';
import { createStore } from '../../server/db/store.js';
import { rebuildAssessment } from '../../server/services/assessment-upkeep.js';
import { tempDir } from '../support/test-catalogue.js';
import {
  observationBody,
  postAs,
  prepareDb,
  signInOver,
  startServer,
  type HttpSession
} from './support/server-process.js';

const KILLS = 50;
const WRITERS = 2;

/** What the database holds after the crash, read as a restarting server would find it. */
function inspect(dbFile: string) {
  const db = openDb(dbFile);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const stored = db.prepare('SELECT rationale FROM observations').pluck().all() as string[];
    const store = createStore(db, { includeDemo: false });
    const materialised = store.assessment.dump();
    rebuildAssessment(store);
    return { integrity, stored, materialised, rebuilt: store.assessment.dump() };
  } finally {
    db.close();
  }
}

describe('kill -9 during writes', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it(`${KILLS} times: integrity ok, every acknowledged write present and none extra, the assessment equal to a rebuild`, async () => {
    const dbFile = join(tmp.dir, 'w.db');
    await prepareDb(dbFile, ['watch_officer']);
    let session: HttpSession | null = null;
    const acknowledged = new Set<string>();
    let written = 0;
    for (let round = 0; round < KILLS; round++) {
      const server = await startServer(dbFile);
      session ??= await signInOver(server.url, 'watch_officer');
      const unknown = new Set<string>(); // sent, but the answer never came: may or may not be stored
      let acksThisRound = 0;
      const killAfter = 1 + Math.floor(Math.random() * 6);
      let killed = false;
      const kill = () => {
        if (killed) return;
        killed = true;
        server.child.kill('SIGKILL');
      };
      const writer = async () => {
        while (!killed) {
          const mark = `kill-9 round ${round} write ${written++}`;
          unknown.add(mark);
          try {
            const res = await postAs(
              server.url,
              session!,
              '/api/observations',
              observationBody(mark, 1 + (written % 28))
            );
            if (res.status !== 201) throw new Error(`write answered ${res.status}: ${await res.text()}`);
            unknown.delete(mark);
            acknowledged.add(mark);
            // The moment of the kill: after a random number of acknowledgements, at a random point of the next writes.
            if (++acksThisRound >= killAfter) setTimeout(kill, Math.floor(Math.random() * 15));
          } catch (err) {
            if (!killed) throw err;
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, writer));
      await server.exited;

      const after = inspect(dbFile);
      expect(after.integrity, `round ${round}`).toBe('ok');
      const stored = new Set(after.stored);
      for (const mark of acknowledged) expect(stored.has(mark), `acknowledged "${mark}" lost`).toBe(true);
      for (const mark of stored)
        expect(acknowledged.has(mark) || unknown.has(mark), `"${mark}" was never sent`).toBe(true);
      // A write that committed just before the kill is stored though its answer was lost: it counts from now on.
      for (const mark of unknown) if (stored.has(mark)) acknowledged.add(mark);
      expect(stored.size).toBe(acknowledged.size);
      expect(after.rebuilt, `round ${round}`).toEqual(after.materialised);
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS);
  }, 900_000);
});
