// The servers the comparisons load: the real one (`server/main.ts`, as `npm run serve` runs it,
// logging at warn) and the bare `node:http` baseline, each its own process on 127.0.0.1.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { SESSION_COOKIE } from '../../server/auth/auth-plugin.js';
import { BENCH_PASSWORD, CATALOGUE } from './data.js';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Running {
  url: string;
  stop: () => Promise<void>;
}

/** Starts `script` with node (tsx loader) and resolves once it prints its address. */
function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let output = '';
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return new Promise((done, fail) => {
    const seen = (d: Buffer) => {
      output += d;
      const m = output.match(ready);
      if (m) done({ url: m[1], stop: async () => void (child.kill('SIGTERM'), await exited) });
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', (d: Buffer) => (output += d));
    void exited.then(() => fail(new Error(`${args[0]} exited before serving:\n${output}`)));
  });
}

/** The real server on `dbFile`, serving the built SPA from `staticDir`. */
export const startApp = (dbFile: string, staticDir: string) =>
  start(
    ['server/main.ts'],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WATCHFLOOR_DB: dbFile,
      WATCHFLOOR_DEMO: '0',
      WATCHFLOOR_CATALOGUE: CATALOGUE,
      WATCHFLOOR_STATIC: staticDir
    },
    /serving (http:\/\/\S+)/
  );

export const startBare = (dbFile: string) =>
  start(['scripts/bench/bare-server.ts', dbFile], {}, /bare server on (http:\/\/\S+)/);

export interface Session {
  cookie: string;
  /** The headers a signed-in JSON request carries (session cookie, CSRF token). */
  headers: Record<string, string>;
}

/** Signs in over HTTP as one of the bench accounts. */
export async function signInOver(url: string, username: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD })
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    .split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}
