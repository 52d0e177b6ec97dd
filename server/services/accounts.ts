import type { Actor } from '../actor.js';
import { isDemoAccount } from '../auth/demo-accounts.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import type { Store } from '../db/store.js';
import { InputError } from '../errors.js';
import type { User, UserCreate, UserUpdate } from '../schemas/index.js';

/**
 * Account management: the password policy, hashing, the last-administrator rule, and what else a
 * change must do (revoke sessions, write the audit row). The user repository only stores rows.
 */
export function createAccounts(store: Store, options: { includeDemo: boolean }) {
  const { db, users, sessions, audit } = store;

  const checkPassword = (password: string, username: string) => {
    const problem = passwordProblem(password, username);
    if (problem) throw new InputError(400, 'password', problem);
  };
  const refuseTaken = (username: string) => {
    if (users.byUsername(username)) throw new InputError(409, 'username', `"${username}" is taken`);
  };

  /**
   * Refuses a change that would leave no administrator who can sign in (demonstration accounts
   * do not count while demonstration data is off): nobody could manage accounts any more.
   */
  const keepAnAdministrator = (before: User, change: UserUpdate) => {
    const stopsBeingAdmin = (change.role !== undefined && change.role !== 'admin') || change.disabled === true;
    if (before.role !== 'admin' || before.disabled || !stopsBeingAdmin) return;
    const others = users.otherActiveAdmins(before.id).filter((name) => options.includeDemo || !isDemoAccount(name));
    if (others.length > 0) return;
    const field = change.role !== undefined && change.role !== 'admin' ? 'role' : 'disabled';
    throw new InputError(
      409,
      field,
      `${before.username} is the last active administrator: make another account an administrator first`
    );
  };

  const disabledAtAfter = (id: number, change: UserUpdate, now: Date): string | null => {
    const current = users.disabledAt(id);
    if (change.disabled === undefined) return current;
    return change.disabled ? (current ?? now.toISOString()) : null;
  };

  return {
    async create(input: UserCreate, who: Actor): Promise<User> {
      checkPassword(input.password, input.username);
      refuseTaken(input.username);
      const passwordHash = await hashPassword(input.password);
      return db.transaction(() => {
        // Again inside the transaction: a parallel request may have taken the name while argon2 ran.
        refuseTaken(input.username);
        const { username, displayName, role } = input;
        const id = users.insert({
          username,
          displayName,
          role,
          email: input.email ?? null,
          passwordHash,
          createdAt: who.now.toISOString()
        });
        const user = users.get(id);
        audit.append({ actor: who.actor, action: 'user.create', entity: 'user', entityId: id, after: user }, who.now);
        return user;
      })();
    },

    update: (id: number, change: UserUpdate, who: Actor): User =>
      db.transaction(() => {
        const before = users.get(id);
        keepAnAdministrator(before, change);
        const disabledAt = disabledAtAfter(id, change, who.now);
        users.update(id, {
          displayName: change.displayName ?? before.displayName,
          email: change.email === undefined ? before.email : change.email,
          role: change.role ?? before.role,
          disabledAt
        });
        const roleChanged = change.role !== undefined && change.role !== before.role;
        // A disabled account or a changed role must not keep working through an old session.
        if (disabledAt || roleChanged) sessions.revokeAllFor(id, who.now);
        const after = users.get(id);
        const action = roleChanged ? 'user.role' : change.disabled ? 'user.disable' : 'user.update';
        audit.append({ actor: who.actor, action, entity: 'user', entityId: id, before, after }, who.now);
        return after;
      })(),

    async resetPassword(id: number, password: string, who: Actor): Promise<void> {
      const user = users.get(id);
      checkPassword(password, user.username);
      const passwordHash = await hashPassword(password);
      db.transaction(() => {
        users.setPasswordHash(id, passwordHash);
        sessions.revokeAllFor(id, who.now);
        audit.append(
          {
            actor: who.actor,
            action: 'user.password',
            entity: 'user',
            entityId: id,
            after: { username: user.username }
          },
          who.now
        );
      })();
    }
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
