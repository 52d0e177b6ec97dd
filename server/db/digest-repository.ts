import { randomBytes } from 'node:crypto';
import type { Db } from './open-db.js';

export interface DigestRow {
  id: number;
  scheduledFor: string | null;
  coversFrom: string | null;
  coversTo: string;
  createdAt: string;
  subject: string;
  html: string;
  text: string;
  sparksJson: string;
  status: 'sending' | 'sent' | 'failed' | 'stored';
  finishedAt: string | null;
}
export interface DeliveryRow {
  id: number;
  digestId: number;
  userId: number;
  email: string;
  displayName: string;
  unsubscribeToken: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  messageId: string | null;
}
export interface Subscriber {
  userId: number;
  email: string;
  displayName: string;
}
export interface DeliveryCounts {
  sent: number;
  pending: number;
  failed: number;
}

const DIGEST = `id, scheduled_for AS scheduledFor, covers_from AS coversFrom, covers_to AS coversTo, created_at AS createdAt,
  subject, html, text, sparks_json AS sparksJson, status, finished_at AS finishedAt`;
const DELIVERY = `d.id, d.digest_id AS digestId, d.user_id AS userId, d.email, u.display_name AS displayName,
  u.unsubscribe_token AS unsubscribeToken, d.status, d.attempts, d.next_attempt_at AS nextAttemptAt,
  d.last_error AS lastError, d.sent_at AS sentAt, d.message_id AS messageId`;
/** Subscribed: an explicit choice, else the role's default (managers receive the digest). */
const SUBSCRIBED = `coalesce(u.digest_subscribed, u.role = 'manager')`;

/** The digest outbox, its deliveries, subscriptions, and the job lease. */
export function createDigestRepository(db: Db) {
  const q = {
    lease: db.prepare('SELECT holder, expires_at AS expiresAt FROM job_leases WHERE name = ?'),
    takeLease: db.prepare(`INSERT INTO job_leases (name, holder, expires_at) VALUES (@name, @holder, @expiresAt)
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at`),
    release: db.prepare('DELETE FROM job_leases WHERE name = ? AND holder = ?'),
    lastSent: db.prepare(
      `SELECT ${DIGEST} FROM digests WHERE status = 'sent' ORDER BY covers_to DESC, id DESC LIMIT 1`
    ),
    latest: db.prepare(`SELECT ${DIGEST} FROM digests ORDER BY id DESC LIMIT 1`),
    sending: db.prepare(`SELECT ${DIGEST} FROM digests WHERE status = 'sending' ORDER BY id LIMIT 1`),
    bySlot: db.prepare(`SELECT ${DIGEST} FROM digests WHERE scheduled_for = ?`),
    byId: db.prepare(`SELECT ${DIGEST} FROM digests WHERE id = ?`),
    list: db.prepare(`SELECT ${DIGEST} FROM digests ORDER BY id DESC`),
    insertDigest:
      db.prepare(`INSERT INTO digests (scheduled_for, covers_from, covers_to, created_at, subject, html, text, sparks_json, status)
      VALUES (@scheduledFor, @coversFrom, @coversTo, @createdAt, @subject, @html, @text, @sparksJson, @status)`),
    insertDelivery: db.prepare(`INSERT INTO digest_deliveries (digest_id, user_id, email, status, next_attempt_at)
      VALUES (?, ?, ?, 'pending', ?)`),
    deliveries: db.prepare(
      `SELECT ${DELIVERY} FROM digest_deliveries d JOIN users u ON u.id = d.user_id WHERE d.digest_id = ? ORDER BY d.id`
    ),
    due: db.prepare(`SELECT ${DELIVERY} FROM digest_deliveries d JOIN users u ON u.id = d.user_id
      WHERE d.digest_id = ? AND d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.id`),
    sent: db.prepare(`UPDATE digest_deliveries SET status = 'sent', attempts = attempts + 1, sent_at = ?, message_id = ?, last_error = NULL
      WHERE id = ? AND status = 'pending'`),
    retry: db.prepare(
      'UPDATE digest_deliveries SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?'
    ),
    fail: db.prepare(
      `UPDATE digest_deliveries SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?`
    ),
    counts:
      db.prepare(`SELECT coalesce(sum(status = 'pending'), 0) AS pending, coalesce(sum(status = 'sent'), 0) AS sent,
        coalesce(sum(status = 'failed'), 0) AS failed FROM digest_deliveries WHERE digest_id = ?`),
    finish: db.prepare('UPDATE digests SET status = ?, finished_at = ? WHERE id = ?'),
    failures: db.prepare(`SELECT ${DELIVERY} FROM digest_deliveries d JOIN users u ON u.id = d.user_id
      WHERE d.status = 'failed' OR (d.status = 'pending' AND d.attempts > 0) ORDER BY d.id DESC LIMIT 200`),
    subscribers: db.prepare(`SELECT u.id AS userId, u.email, u.display_name AS displayName FROM users u
      WHERE u.disabled_at IS NULL AND u.email IS NOT NULL AND ${SUBSCRIBED} = 1 ORDER BY u.id`),
    subscriptions: db.prepare(`SELECT u.id AS userId, u.username, u.display_name AS displayName, u.email, u.role,
      u.disabled_at IS NOT NULL AS disabled, ${SUBSCRIBED} AS subscribed, u.digest_subscribed IS NULL AS byDefault FROM users u ORDER BY u.username`),
    setSubscribed: db.prepare('UPDATE users SET digest_subscribed = ? WHERE id = ?'),
    byToken: db.prepare('SELECT id, username FROM users WHERE unsubscribe_token = ?'),
    missingTokens: db.prepare('SELECT id FROM users WHERE unsubscribe_token IS NULL').pluck(),
    setToken: db.prepare('UPDATE users SET unsubscribe_token = ? WHERE id = ?')
  };

  return {
    /** Takes the named lease if it is free, expired or already ours; false when another holder has it. */
    acquireLease: (name: string, holder: string, now: Date, ttlMs: number): boolean =>
      db
        .transaction(() => {
          const current = q.lease.get(name) as { holder: string; expiresAt: string } | undefined;
          if (current && current.holder !== holder && current.expiresAt > now.toISOString()) return false;
          q.takeLease.run({ name, holder, expiresAt: new Date(now.getTime() + ttlMs).toISOString() });
          return true;
        })
        .immediate(),
    releaseLease: (name: string, holder: string) => void q.release.run(name, holder),
    lastSent: () => (q.lastSent.get() as DigestRow | undefined) ?? null,
    latest: () => (q.latest.get() as DigestRow | undefined) ?? null,
    sending: () => (q.sending.get() as DigestRow | undefined) ?? null,
    bySlot: (slot: string) => (q.bySlot.get(slot) as DigestRow | undefined) ?? null,
    get: (id: number) => (q.byId.get(id) as DigestRow | undefined) ?? null,
    list: () => q.list.all() as DigestRow[],
    deliveries: (digestId: number) => q.deliveries.all(digestId) as DeliveryRow[],
    due: (digestId: number, now: Date) => q.due.all(digestId, now.toISOString()) as DeliveryRow[],
    failures: () => q.failures.all() as DeliveryRow[],
    /** How many of a digest's deliveries are sent, pending and failed. */
    deliveryCounts: (digestId: number) => q.counts.get(digestId) as DeliveryCounts,
    /** Stores the digest and one pending delivery per subscriber in one transaction: the outbox. */
    store(d: Omit<DigestRow, 'id' | 'status' | 'finishedAt'>, recipients: Subscriber[], now: Date): DigestRow {
      return db.transaction(() => {
        const status = recipients.length ? 'sending' : 'stored';
        const id = Number(q.insertDigest.run({ ...d, status }).lastInsertRowid);
        for (const r of recipients) q.insertDelivery.run(id, r.userId, r.email, now.toISOString());
        if (!recipients.length) q.finish.run('stored', now.toISOString(), id);
        return q.byId.get(id) as DigestRow;
      })();
    },
    markSent: (id: number, now: Date, messageId: string) => void q.sent.run(now.toISOString(), messageId, id),
    markRetry: (id: number, nextAt: Date, error: string) => void q.retry.run(nextAt.toISOString(), error, id),
    markFailed: (id: number, error: string) => void q.fail.run(error, id),
    /** Closes a digest once no delivery is pending: sent if anyone accepted it, failed if nobody did. */
    finishIfDone(digestId: number, now: Date): DigestRow['status'] {
      const c = q.counts.get(digestId) as DeliveryCounts;
      if (c.pending > 0) return 'sending';
      const status = c.sent > 0 ? 'sent' : 'failed';
      q.finish.run(status, now.toISOString(), digestId);
      return status;
    },
    subscribers: () => q.subscribers.all() as Subscriber[],
    subscriptions: () =>
      (
        q.subscriptions.all() as {
          userId: number;
          username: string;
          displayName: string;
          email: string | null;
          role: string;
          disabled: number;
          subscribed: number;
          byDefault: number;
        }[]
      ).map((s) => ({
        ...s,
        disabled: s.disabled === 1,
        subscribed: s.subscribed === 1,
        byDefault: s.byDefault === 1
      })),
    setSubscribed: (userId: number, subscribed: boolean) => q.setSubscribed.run(subscribed ? 1 : 0, userId).changes > 0,
    userByToken: (token: string) => (q.byToken.get(token) as { id: number; username: string } | undefined) ?? null,
    /** Every account gets an unguessable unsubscribe token before mail goes out. */
    ensureTokens: () => {
      for (const id of q.missingTokens.all() as number[]) q.setToken.run(randomBytes(24).toString('base64url'), id);
    }
  };
}

export type DigestRepository = ReturnType<typeof createDigestRepository>;
