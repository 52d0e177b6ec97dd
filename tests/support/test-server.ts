import { join, resolve } from 'node:path';
import { boot } from '../../server/boot.js';
import { REAL_CATALOGUE, tempDir } from './test-catalogue.js';

export const BUILD_DIR = resolve(import.meta.dirname, '../../build');

export interface TestServerOptions {
  demo?: boolean;
  catalogueDir?: string;
  clock?: () => Date;
}

/**
 * The real server (boot + listen on 127.0.0.1, an ephemeral port) over a fresh SQLite file,
 * serving the built SPA. `close` stops it and removes the database.
 */
export async function startTestServer(options: TestServerOptions = {}) {
  const tmp = tempDir();
  const { app, db, report } = await boot(
    {
      dbFile: join(tmp.dir, 'watchfloor.db'),
      demo: options.demo ?? true,
      catalogueDir: options.catalogueDir ?? REAL_CATALOGUE,
      staticDir: BUILD_DIR
    },
    { clock: options.clock }
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
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
