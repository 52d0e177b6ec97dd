import { isDemoAccount } from '../auth/demo-accounts.js';
import { ACCOUNT_POLICY, ADDRESS_POLICY, afterFailure, afterRefund, lockedFor, type LockoutPolicy } from '../auth/lockout.js';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.js';
import type { Store } from '../db/store.js';

export type SignInOutcome = { kind: 'locked'; seconds: number } | { kind: 'refused' } | { kind: 'accepted'; userId: number; username: string };

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
      for (const k of keys) store.sessions.saveThrottle(k.key, afterFailure(store.sessions.throttle(k.key), now, k.policy), now);
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
