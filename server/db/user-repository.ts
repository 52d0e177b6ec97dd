import { isDemoAccount } from '../auth/demo-accounts.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { InputError } from '../errors.js';
import type { Role, User, UserCreate, UserUpdate } from '../schemas/index.js';
import { createAuditRepository } from './audit-repository.js';
import type { Db } from './open-db.js';

type Row = Omit<User, 'disabled'> & { disabledAt: string | null; passwordHash: string };

const COLUMNS = `id, username, display_name AS displayName, email, role, created_at AS createdAt,
  disabled_at AS disabledAt, password_hash AS passwordHash`;

export interface Who {
  now: Date;
  actor: string;
}

const toUser = ({ disabledAt, passwordHash: _hash, ...r }: Row): User => ({ ...r, disabled: disabledAt !== null });

/** Accounts. Passwords are stored only as argon2id hashes; every change is audited. */
export function createUserRepository(db: Db, options: { includeDemo: boolean } = { includeDemo: true }) {
  const q = {
    list: db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY username`),
    byId: db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`),
    byName: db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`),
    insert: db.prepare(`INSERT INTO users (username, display_name, email, role, password_hash, created_at)
      VALUES (@username, @displayName, @email, @role, @hash, @now)`),
    update: db.prepare(`UPDATE users SET display_name = @displayName, email = @email, role = @role,
      disabled_at = @disabledAt WHERE id = @id`),
    setHash: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
    count: db.prepare('SELECT count(*) FROM users').pluck(),
    otherActiveAdmins: db.prepare("SELECT username FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id != ?").pluck(),
    revokeSessions: db.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
  };
  const audit = createAuditRepository(db);

  const mustGet = (id: number): User => {
    const row = q.byId.get(id) as Row | undefined;
    if (!row) throw new InputError(404, 'id', `no user #${id}`);
    return toUser(row);
  };
  /**
   * Refuses a change that would leave no administrator who can sign in (demonstration accounts
   * do not count while demonstration data is off): nobody could manage accounts any more.
   */
  const keepAnAdministrator = (before: User, change: UserUpdate) => {
    const stopsBeingAdmin = (change.role !== undefined && change.role !== 'admin') || change.disabled === true;
    if (before.role !== 'admin' || before.disabled || !stopsBeingAdmin) return;
    const others = (q.otherActiveAdmins.all(before.id) as string[]).filter((name) => options.includeDemo || !isDemoAccount(name));
    if (others.length > 0) return;
    const field = change.role !== undefined && change.role !== 'admin' ? 'role' : 'disabled';
    throw new InputError(409, field, `${before.username} is the last active administrator: make another account an administrator first`);
  };
  const checkPassword = (password: string, username: string) => {
    const problem = passwordProblem(password, username);
    if (problem) throw new InputError(400, 'password', problem);
  };

  return {
    list: () => (q.list.all() as Row[]).map(toUser),
    get: (id: number) => mustGet(id),
    count: () => q.count.get() as number,
    /** The row login needs, hash included; null when there is no such account. */
    forLogin: (username: string) => (q.byName.get(username) as Row | undefined) ?? null,
    async create(input: UserCreate, who: Who): Promise<User> {
      checkPassword(input.password, input.username);
      if (q.byName.get(input.username)) throw new InputError(409, 'username', `"${input.username}" is taken`);
      const hash = await hashPassword(input.password);
      return db.transaction(() => {
        // Again inside the transaction: a parallel request may have taken the name while argon2 ran.
        if (q.byName.get(input.username)) throw new InputError(409, 'username', `"${input.username}" is taken`);
        const id = Number(q.insert.run({ ...input, email: input.email ?? null, hash, now: who.now.toISOString() }).lastInsertRowid);
        const user = mustGet(id);
        audit.append({ actor: who.actor, action: 'user.create', entity: 'user', entityId: id, after: user }, who.now);
        return user;
      })();
    },
    update: (id: number, change: UserUpdate, who: Who): User =>
      db.transaction(() => {
        const before = mustGet(id);
        keepAnAdministrator(before, change);
        const row = q.byId.get(id) as Row;
        const disabledAt = change.disabled === undefined ? row.disabledAt : change.disabled ? row.disabledAt ?? who.now.toISOString() : null;
        q.update.run({
          id,
          displayName: change.displayName ?? before.displayName,
          email: change.email === undefined ? before.email : change.email,
          role: change.role ?? before.role,
          disabledAt
        });
        // A disabled account or a changed role must not keep working through an old session.
        if (disabledAt || (change.role && change.role !== before.role)) q.revokeSessions.run(who.now.toISOString(), id);
        const after = mustGet(id);
        const action = change.role && change.role !== before.role ? 'user.role' : change.disabled ? 'user.disable' : 'user.update';
        audit.append({ actor: who.actor, action, entity: 'user', entityId: id, before, after }, who.now);
        return after;
      })(),
    async resetPassword(id: number, password: string, who: Who): Promise<void> {
      const user = mustGet(id);
      checkPassword(password, user.username);
      const hash = await hashPassword(password);
      db.transaction(() => {
        q.setHash.run(hash, id);
        q.revokeSessions.run(who.now.toISOString(), id);
        audit.append({ actor: who.actor, action: 'user.password', entity: 'user', entityId: id, after: { username: user.username } }, who.now);
      })();
    },
    byUsername: (username: string): User | null => {
      const row = q.byName.get(username) as Row | undefined;
      return row ? toUser(row) : null;
    },
    roleOf: (id: number): Role | null => (q.byId.get(id) as Row | undefined)?.role ?? null
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
