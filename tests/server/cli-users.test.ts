import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boot } from '../../server/boot.js';
import { FIXTURE_CATALOGUE, tempDir } from '../support/test-catalogue.js';

const ROOT = resolve(import.meta.dirname, '../..');
const users = (db: string, args: string[], stdin = '') =>
  spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['server/cli/users.ts', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, WATCHFLOOR_DB: db }
  });

describe('npm run users', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(() => {
    tmp = tempDir();
    db = join(tmp.dir, 'w.db');
  });
  afterEach(() => tmp.remove());

  it('creates the first admin with a password from standard input, who can then sign in', async () => {
    const add = users(
      db,
      ['add', 'chief', '--role', 'admin', '--email', 'chief@example.org'],
      'a-very-long-admin-secret\n'
    );
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(/Created chief \(admin\)/);
    expect(users(db, ['list']).stdout).toMatch(/chief\s+admin\s+chief@example.org\s+active/);

    const { app, db: handle } = await boot({
      dbFile: db,
      demo: false,
      catalogueDir: FIXTURE_CATALOGUE,
      staticDir: join(tmp.dir, 'none')
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'chief', password: 'a-very-long-admin-secret' }
    });
    expect(login.statusCode).toBe(200);
    await app.close();
    handle.close();
  });

  it('sets roles, resets passwords and disables accounts; refuses weak passwords and unknown roles', () => {
    users(db, ['add', 'olga', '--role', 'watch_officer'], 'officer-long-secret\n');
    expect(users(db, ['set-role', 'olga', 'manager']).stdout).toMatch(/olga is now manager/);
    expect(users(db, ['reset-password', 'olga'], 'a-different-long-secret\n').stdout).toMatch(
      /Password reset for olga/
    );
    expect(users(db, ['disable', 'olga']).stdout).toMatch(/olga disabled/);
    expect(users(db, ['list']).stdout).toMatch(/olga\s+manager\s+-\s+disabled/);

    const weak = users(db, ['add', 'weak', '--role', 'manager'], 'short\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/password: must be at least 12 characters/);
    const badRole = users(db, ['add', 'x', '--role', 'king'], 'long-enough-secret-x\n');
    expect(badRole.stderr).toMatch(/role: must be one of watch_officer, manager, admin/);
  }, 120_000); // nine CLI processes, each a few seconds to start on a loaded machine
});
