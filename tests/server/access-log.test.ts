import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { testDb } from '../support/test-db.js';

/** The app with its log captured as parsed JSON lines. */
async function appLogging(level: string) {
  const lines: { level: number; msg: string; path?: string; status?: number }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    }
  });
  const t = testDb();
  const app = await buildApp({ db: t.db, includeDemo: true, logger: { level, stream } });
  return {
    app,
    lines,
    dispose: async () => {
      await app.close();
      t.dispose();
    }
  };
}

describe('request logging', () => {
  let dispose = async () => {};
  afterEach(() => dispose());

  it('writes one access line per request at debug, its path without the query', async () => {
    const l = await appLogging('debug');
    dispose = l.dispose;
    await l.app.inject({ method: 'GET', url: '/api/health?token=secret-token-value' });
    const access = l.lines.filter((x) => x.msg === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ level: 20, path: '/api/health', status: 200 });
    expect(JSON.stringify(l.lines)).not.toContain('secret-token-value');
  });

  it('writes nothing per request at info, where warnings and errors go', async () => {
    const l = await appLogging('info');
    dispose = l.dispose;
    await l.app.inject({ method: 'GET', url: '/api/health' });
    await l.app.inject({ method: 'GET', url: '/api/overview' });
    expect(l.lines.filter((x) => x.level <= 30)).toEqual([]);
  });
});
