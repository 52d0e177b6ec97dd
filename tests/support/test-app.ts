import { join } from 'node:path';
import { boot } from '../../server/boot.js';
import { FIXTURE_CATALOGUE, tempDir } from './test-catalogue.js';

export const FIXED_NOW = new Date('2024-02-01T09:00:00Z');

/** The whole app over a fresh SQLite file and the fixture catalogue, driven through inject. */
export async function testApp(
  options: { demo?: boolean; catalogueDir?: string; dbFile?: string; clock?: () => Date } = {}
) {
  const tmp = tempDir();
  const { app, db, report } = await boot(
    {
      dbFile: options.dbFile ?? join(tmp.dir, 'w.db'),
      demo: options.demo ?? false,
      catalogueDir: options.catalogueDir ?? FIXTURE_CATALOGUE,
      staticDir: join(tmp.dir, 'no-spa')
    },
    { clock: options.clock ?? (() => FIXED_NOW) }
  );
  return {
    app,
    db,
    report,
    async close() {
      await app.close();
      db.close();
      tmp.remove();
    }
  };
}
