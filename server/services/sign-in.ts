import { isDemoAccount } from '../auth/demo-accounts.js';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  afterFailure,
  afterRefund,
  lockedFor,
  type LockoutPolicy
} from '../auth/lockout.js';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.js';
import type { SessionPolicy } from '../db/session-repository.js';
import type { Store } from '../db/store.js';
import type { Me } from '../schemas/index.js';

export type SignInOutcome =
  { kind: 'locked'; seconds: number } | { kind: 'refused' } | { kind: 'accepted'; userId: number; username: string };

interface ThrottleKey {
  key: string;
  policy: LockoutPolicy;
}

/**
 * Counts the attempt against every key in one immediate transaction, before any password is
 * hashed: parallel guesses cannot all pass the check while argon2 runs. Returns the seconds
 * still locked (nothing counted) or 0 (counted).
 */
function countAttempt(store: Store, keys: ThrottleKey[], now: Date): number {
  return store.db
    .transaction(() => {
      const wait = Math.max(...keys.map((k) => lockedFor(store.sessions.throttle(k.key), now)));
      if (wait > 0) return wait;
      for (const k of keys)
        store.sessions.saveThrottle(k.key, afterFailure(store.sessions.throttle(k.key), now, k.policy), now);
      return 0;
    })
    .immediate();
}

/**
 * Checks a sign-in. The account locks after its 5th failure in a row, the address after its
 * 20th (README: Accounts); a success clears the account's count and takes back the address's.
 * With demonstration data off the demonstration accounts are refused like a wrong password.
 */
export async function checkSignIn(
  store: Store,
  attempt: { username: string; password: string; address: string; now: Date; demo: boolean }
): Promise<SignInOutcome> {
  const account = { key: `user:${attempt.username.toLowerCase()}`, policy: ACCOUNT_POLICY };
  const address = { key: `address:${attempt.address}`, policy: ADDRESS_POLICY };
  const seconds = countAttempt(store, [account, address], attempt.now);
  if (seconds > 0) return { kind: 'locked', seconds };
  const row = store.users.forLogin(attempt.username);
  // Verify even for unknown accounts, so the answer takes as long either way.
  const valid = await verifyPassword(row?.passwordHash ?? DUMMY_HASH, attempt.password);
  if (!row || !valid || row.disabledAt || (!attempt.demo && isDemoAccount(row.username))) return { kind: 'refused' };
  store.db.transaction(() => {
    store.sessions.clearThrottle(account.key);
    const refunded = afterRefund(store.sessions.throttle(address.key), address.policy);
    if (refunded) store.sessions.saveThrottle(address.key, refunded, attempt.now);
    else store.sessions.clearThrottle(address.key);
  })();
  return { kind: 'accepted', userId: row.id, username: row.username };
}

export type SignInResult =
  | { kind: 'locked'; seconds: number }
  | { kind: 'refused' }
  | { kind: 'signed-in'; me: Me; token: string; expiresAt: string };

/**
 * A sign-in from start to finish: the check, then a new session that replaces whatever session
 * this browser held before (another account's included), each outcome audited but a lock.
 */
export async function signIn(
  store: Store,
  attempt: {
    username: string;
    password: string;
    address: string;
    now: Date;
    demo: boolean;
    earlierToken?: string;
    policy: SessionPolicy;
  }
): Promise<SignInResult> {
  const { now, address } = attempt;
  const outcome = await checkSignIn(store, attempt);
  if (outcome.kind === 'locked') return outcome;
  if (outcome.kind === 'refused') {
    store.audit.append(
      {
        actor: 'anonymous',
        action: 'auth.login_failed',
        entity: 'user',
        entityId: attempt.username,
        after: { address }
      },
      now
    );
    return outcome;
  }
  if (attempt.earlierToken) store.sessions.revokeToken(attempt.earlierToken, now);
  const opened = store.sessions.open(outcome.userId, now, attempt.policy, address);
  store.audit.append(
    { actor: outcome.username, action: 'auth.login', entity: 'user', entityId: outcome.userId, after: { address } },
    now
  );
  const me = { user: store.users.get(outcome.userId), csrfToken: opened.csrfToken };
  return { kind: 'signed-in', me, token: opened.token, expiresAt: opened.expiresAt };
}
