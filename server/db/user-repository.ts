import { InputError } from '../errors.js';
import type { Role, User } from '../schemas/index.js';
import type { Db } from './open-db.js';

type Row = Omit<User, 'disabled'> & { disabledAt: string | null; passwordHash: string };

const COLUMNS = `id, username, display_name AS displayName, email, role, created_at AS createdAt,
  disabled_at AS disabledAt, password_hash AS passwordHash`;

/** The stored fields of an account as a change writes them (the policy is the accounts service's). */
export interface UserFields {
  displayName: string;
  email: string | null;
  role: Role;
  disabledAt: string | null;
}

const toUser = ({ disabledAt, passwordHash: _hash, ...r }: Row): User => ({ ...r, disabled: disabledAt !== null });

/** Account rows. Passwords arrive already hashed (argon2id); nothing here decides what may change. */
export function createUserRepository(db: Db) {
  const q = {
    list: db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY username`),
    byId: db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`),
    byName: db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`),
    insert: db.prepare(`INSERT INTO users (username, display_name, email, role, password_hash, created_at)
      VALUES (@username, @displayName, @email, @role, @passwordHash, @createdAt)`),
    update: db.prepare(`UPDATE users SET display_name = @displayName, email = @email, role = @role,
      disabled_at = @disabledAt WHERE id = @id`),
    setHash: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
    count: db.prepare('SELECT count(*) FROM users').pluck(),
    otherActiveAdmins: db
      .prepare("SELECT username FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id != ?")
      .pluck()
  };

  const mustGet = (id: number): User => {
    const row = q.byId.get(id) as Row | undefined;
    if (!row) throw new InputError(404, 'id', `no user #${id}`);
    return toUser(row);
  };

  return {
    list: () => (q.list.all() as Row[]).map(toUser),
    get: (id: number) => mustGet(id),
    count: () => q.count.get() as number,
    /** The row login needs, hash included; null when there is no such account. */
    forLogin: (username: string) => (q.byName.get(username) as Row | undefined) ?? null,
    /** When the account was disabled, or null while it is active. */
    disabledAt: (id: number) => (q.byId.get(id) as Row | undefined)?.disabledAt ?? null,
    byUsername: (username: string): User | null => {
      const row = q.byName.get(username) as Row | undefined;
      return row ? toUser(row) : null;
    },
    roleOf: (id: number): Role | null => (q.byId.get(id) as Row | undefined)?.role ?? null,
    /** Usernames of the enabled administrators other than `id`. */
    otherActiveAdmins: (id: number) => q.otherActiveAdmins.all(id) as string[],
    insert: (
      u: { username: string; passwordHash: string; createdAt: string } & Omit<UserFields, 'disabledAt'>
    ): number => Number(q.insert.run(u).lastInsertRowid),
    update: (id: number, fields: UserFields) => void q.update.run({ id, ...fields }),
    setPasswordHash: (id: number, passwordHash: string) => void q.setHash.run(passwordHash, id)
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
