import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './open-db.js';
import { storageProblem } from './storage-errors.js';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** A throttle key's stored state (the policy that reads and writes it lives in auth/lockout). */
export interface ThrottleRow {
  failures: number;
  lockedUntil: string | null;
}

export interface ActiveSession {
  userId: number;
  username: string;
  displayName: string;
  email: string | null;
  role: 'watch_officer' | 'manager' | 'admin';
  createdAt: string;
  csrfToken: string;
  tokenHash: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Server-side sessions (revocable) and the login throttle. The cookie carries a random token;
 * the database keeps only its hash, so a copy of the database does not hand out sessions.
 */
export function createSessionRepository(db: Db) {
  const q = {
    insert:
      db.prepare(`INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, address)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    find: db.prepare(`SELECT s.token_hash AS tokenHash, s.user_id AS userId, s.csrf_token AS csrfToken, s.created_at AS createdAt,
        s.last_seen_at AS lastSeenAt, s.expires_at AS expiresAt, s.revoked_at AS revokedAt,
        u.username, u.display_name AS displayName, u.email, u.role, u.disabled_at AS disabledAt
      FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`),
    touch: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?'),
    revoke: db.prepare('UPDATE sessions SET revoked_at = coalesce(revoked_at, ?) WHERE token_hash = ?'),
    revokeUser: db.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL'),
    throttle: db.prepare('SELECT failures, locked_until AS lockedUntil FROM login_throttle WHERE key = ?'),
    saveThrottle:
      db.prepare(`INSERT INTO login_throttle (key, failures, locked_until, last_failure) VALUES (@key, @failures, @lockedUntil, @now)
      ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_failure = excluded.last_failure`),
    clearThrottle: db.prepare('DELETE FROM login_throttle WHERE key = ?')
  };

  return {
    /** Opens a session; returns the token for the cookie (shown once, never stored). */
    open(
      userId: number,
      now: Date,
      policy: SessionPolicy,
      address: string | null
    ): { token: string; csrfToken: string; expiresAt: string } {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000).toISOString();
      q.insert.run(hashToken(token), userId, csrfToken, now.toISOString(), now.toISOString(), expiresAt, address);
      return { token, csrfToken, expiresAt };
    },
    /** The live session behind a token, refreshed; null if unknown, revoked, expired, idle too long or its user disabled. */
    resume(token: string, now: Date, policy: SessionPolicy): ActiveSession | null {
      const tokenHash = hashToken(token);
      const row = q.find.get(tokenHash) as
        | (ActiveSession & {
            lastSeenAt: string;
            expiresAt: string;
            revokedAt: string | null;
            disabledAt: string | null;
          })
        | undefined;
      if (!row || row.revokedAt || row.disabledAt) return null;
      const idleLimit = Date.parse(row.lastSeenAt) + policy.idleMinutes * 60_000;
      if (now.getTime() >= Date.parse(row.expiresAt) || now.getTime() >= idleLimit) return null;
      try {
        q.touch.run(now.toISOString(), tokenHash);
      } catch (err) {
        // A full or read-only database must still serve reads: the idle clock then starts from the last recorded use.
        if (!storageProblem(err)) throw err;
      }
      const { lastSeenAt: _l, expiresAt: _e, revokedAt: _r, disabledAt: _d, ...session } = row;
      return session;
    },
    revoke: (tokenHash: string, now: Date) => void q.revoke.run(now.toISOString(), tokenHash),
    /** Revokes every live session of one account. */
    revokeAllFor: (userId: number, now: Date) => void q.revokeUser.run(now.toISOString(), userId),
    /** Revokes the session behind a cookie's token, if there is one. */
    revokeToken: (token: string, now: Date) => void q.revoke.run(now.toISOString(), hashToken(token)),
    throttle: (key: string) => (q.throttle.get(key) as ThrottleRow | undefined) ?? null,
    saveThrottle: (key: string, state: ThrottleRow, now: Date) =>
      void q.saveThrottle.run({ key, ...state, now: now.toISOString() }),
    clearThrottle: (key: string) => void q.clearThrottle.run(key)
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
