// Login throttling: after a run of failures a key (an account or an address) is locked, for
// longer with each further failure. Pure: the caller passes the time and stores the state.

export interface LockoutPolicy {
  /** Failures allowed before the first lock. */
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
 * The state after one more failure: from the (freeFailures+1)-th failure on, locked for
 * baseLockSeconds × 2^(failures − freeFailures − 1), capped at maxLockSeconds.
 */
export function afterFailure(state: ThrottleState | null, now: Date, policy: LockoutPolicy): ThrottleState {
  const failures = (state?.failures ?? 0) + 1;
  const over = failures - policy.freeFailures;
  if (over <= 0) return { failures, lockedUntil: null };
  const seconds = Math.min(policy.maxLockSeconds, policy.baseLockSeconds * 2 ** (over - 1));
  return { failures, lockedUntil: new Date(now.getTime() + seconds * 1000).toISOString() };
}
