import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogueError } from '../../server/catalogue/catalogue-error.js';
import { copyOfFixtureCatalogue, tempDir } from '../support/test-catalogue.js';
import { testApp } from '../support/test-app.js';
import { observationInput } from '../support/test-db.js';
import { signIn } from '../support/sign-in.js';

describe('boot', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbFile: string;
  beforeEach(() => {
    tmp = tempDir();
    dbFile = join(tmp.dir, 'w.db');
  });
  afterEach(() => tmp.remove());

  it('loads demonstration data into an empty database, once', async () => {
    const first = await testApp({ demo: true, dbFile });
    expect(first.report.demoLoaded).toBe(3);
    await first.close();
    const second = await testApp({ demo: true, dbFile });
    expect(second.report.demoLoaded).toBe(0);
    expect(second.db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(3);
    await second.close();
  });

  it('never adds demonstration data to a database that holds real observations', async () => {
    const plain = await testApp({ demo: false, dbFile });
    await (
      await signIn(plain.app, 'watch_officer')
    ).inject({ method: 'POST', url: '/api/observations', payload: observationInput() });
    await plain.close();
    const withDemo = await testApp({ demo: true, dbFile });
    expect(withDemo.report.demoLoaded).toBe(0);
    await withDemo.close();
  });

  it('WATCHFLOOR_DEMO=0 hides demonstration rows that an earlier start loaded', async () => {
    await testApp({ demo: true, dbFile }).then((t) => t.close());
    const off = await testApp({ demo: false, dbFile });
    const reader = await signIn(off.app, 'manager');
    const overview = (await reader.inject({ method: 'GET', url: '/api/overview' })).json();
    expect(overview.demo).toEqual({ shown: false, observationCount: 0 });
    expect((await reader.inject({ method: 'GET', url: '/api/indicators/salaries/observations' })).json()).toEqual([]);
    await off.close();
  });

  it('stops on an invalid catalogue, naming file and field, and leaves the database untouched', async () => {
    await testApp({ demo: true, dbFile }).then((t) => t.close());
    const before = { bytes: readFileSync(dbFile), mtime: statSync(dbFile).mtimeMs };
    const cat = copyOfFixtureCatalogue(tmp.dir);
    cat.edit('families/funding.yaml', (t) =>
      t.replace('Fighter salaries', 'Salaries paid').replace('cadenceDays: 30', 'cadenceDays: -1')
    );
    const failure = testApp({ dbFile, catalogueDir: cat.dir });
    await expect(failure).rejects.toThrow(CatalogueError);
    await expect(failure).rejects.toThrow(/families\/funding\.yaml: indicators\[0\]\.cadenceDays/);
    expect(readFileSync(dbFile).equals(before.bytes)).toBe(true);
    expect(statSync(dbFile).mtimeMs).toBe(before.mtime);
  });
});
