// Login throttling: after a run of failures a key (an account or an address) is locked, for
// longer with each further failure. Pure: the caller passes the time and stores the state.

export interface LockoutPolicy {
  /** Failures allowed: the last of them locks. */
  freeFailures: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
}

/** Accounts lock early; addresses (shared offices, NAT) tolerate more before locking. */
export const ACCOUNT_POLICY: LockoutPolicy = { freeFailures: 5, baseLockSeconds: 30, maxLockSeconds: 15 * 60 };
export const ADDRESS_POLICY: LockoutPolicy = { freeFailures: 20, baseLockSeconds: 30, maxLockSeconds: 15 * 60 };

export interface ThrottleState {
  failures: number;
  lockedUntil: string | null;
}

/** Seconds until `state` unlocks at `now` (0 when not locked). */
export function lockedFor(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(state.lockedUntil) - now.getTime()) / 1000));
}

/**
 * The state after one more failure: from the freeFailures-th failure on, locked for
 * baseLockSeconds × 2^(failures − freeFailures), capped at maxLockSeconds. Attempts are counted
 * before the password is checked, so the attempt after the freeFailures-th failure is refused.
 */
export function afterFailure(state: ThrottleState | null, now: Date, policy: LockoutPolicy): ThrottleState {
  const failures = (state?.failures ?? 0) + 1;
  const over = failures - policy.freeFailures;
  if (over < 0) return { failures, lockedUntil: null };
  const seconds = Math.min(policy.maxLockSeconds, policy.baseLockSeconds * 2 ** over);
  return { failures, lockedUntil: new Date(now.getTime() + seconds * 1000).toISOString() };
}

/**
 * Takes back one counted attempt that turned out to be a success (the address's count: a right
 * password from a shared office must not push it toward a lock). The lock this attempt may have
 * set goes too, unless other failures reach the limit on their own.
 */
export function afterRefund(state: ThrottleState | null, policy: LockoutPolicy): ThrottleState | null {
  if (!state) return null;
  const failures = Math.max(0, state.failures - 1);
  if (failures === 0) return null;
  return { failures, lockedUntil: failures >= policy.freeFailures ? state.lockedUntil : null };
}
