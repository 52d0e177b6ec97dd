// The real server as a child process (`tsx server/main.ts`) on a database file, for the fault tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { SESSION_COOKIE } from '../../../server/auth/auth-plugin.js';
import { migrate } from '../../../server/db/migrate.js';
import { openDb } from '../../../server/db/open-db.js';
import { createStore } from '../../../server/db/store.js';
import { createAccounts } from '../../../server/services/accounts.js';
import type { Role } from '../../../server/schemas/index.js';
import { TEST_PASSWORD } from '../../support/sign-in.js';
import { FIXTURE_CATALOGUE } from '../../support/test-catalogue.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const TSX = join(ROOT, 'node_modules/.bin/tsx');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  output: () => string;
}

/** The environment of a server on `dbFile`: fixture catalogue, no demonstration data, any free port. */
export const serverEnv = (dbFile: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  WATCHFLOOR_DB: dbFile,
  WATCHFLOOR_DEMO: '0',
  WATCHFLOOR_CATALOGUE: FIXTURE_CATALOGUE,
  WATCHFLOOR_STATIC: join(ROOT, 'no-spa-here'),
  ...extra
});

/** Starts `server/main.ts` (`tsx server/main.ts`) and resolves once it prints the address it serves. */
export function startServer(dbFile: string, extra: Record<string, string> = {}): Promise<ServerProcess> {
  // `node --import tsx` rather than the tsx wrapper: the signals the tests send reach the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: serverEnv(dbFile, extra)
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    child.stdout!.on('data', () => {
      const m = output.match(/serving (http:\/\/\S+)/);
      if (m) done({ child, url: m[1], exited, output: () => output });
    });
    void exited.then(() => fail(new Error(`the server exited before serving:\n${output}`)));
  });
}

/** A migrated database file with one account per given role (what `npm run users -- add` makes). */
export async function prepareDb(dbFile: string, roles: Role[]): Promise<void> {
  const db = openDb(dbFile);
  migrate(db);
  const store = createStore(db, { includeDemo: false });
  for (const role of roles) {
    const username = `fault-${role.replace('_', '-')}`;
    await createAccounts(store, { includeDemo: false }).create(
      { username, displayName: username, role, password: TEST_PASSWORD },
      { now: new Date(), actor: 'test' }
    );
  }
  db.close();
}

export interface HttpSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through POST /api/auth/login; the session lives in the database, so it outlives restarts. */
export async function signInOver(url: string, role: Role): Promise<HttpSession> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `fault-${role.replace('_', '-')}`, password: TEST_PASSWORD })
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    .split(';')[0];
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** POST a JSON body as a signed-in user. */
export function postAs(url: string, session: HttpSession, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify(body)
  });
}

/** An observation of the fixture catalogue, marked so the test can find it again. */
export const observationBody = (mark: string, day = 1 + (mark.length % 28)) => ({
  indicatorId: 'salaries',
  observedAt: `2024-01-${String(day).padStart(2, '0')}`,
  level: 2 + (day % 3),
  rationale: mark,
  source: { title: 'Fault test' },
  reliability: 'B',
  credibility: 2
});
