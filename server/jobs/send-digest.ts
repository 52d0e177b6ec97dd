import { UNSUBSCRIBE_PLACEHOLDER, type DigestSpark } from '../analysis/digest.js';
import type { DigestRow } from '../db/digest-repository.js';
import type { Store } from '../db/store.js';
import { composeDigestMail } from '../mail/digest-html.js';
import { DeliveryError, type Mailer } from '../mail/mailer.js';
import { sparklinePng } from '../mail/sparkline-png.js';
import { digestInput } from '../services/digest-input.js';

export const DIGEST_LEASE = 'digest';
/** Long enough for a slow SMTP exchange; renewed before every delivery. */
export const LEASE_MS = 2 * 60_000;
/** Waits before the 1st, 2nd, … retry of a delivery that failed for a passing reason. */
export const RETRY_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];

export interface DigestDeps {
  store: Store;
  clock: () => Date;
  mailer: Mailer;
  appUrl: string;
  /** Identifies this process for the lease (two processes must differ). */
  holder: string;
  /** True once shutdown can wait no longer: sending stops between deliveries, the rest stay pending. */
  stopRequested?: () => boolean;
}

export type DigestRun =
  | { outcome: 'busy' }
  | { outcome: 'idle' }
  | { outcome: 'done'; digestId: number; status: DigestRow['status']; sent: number; failed: number; retrying: number };

/** Holders with a digest run under way in this process. */
const runsUnderWay = new Set<string>();

/**
 * mode `compose`: a scheduled (or by-hand) digest covering everything since the last digest
 * actually sent; `resume`: only continue a digest whose deliveries are pending (after a restart or
 * for retries). Exactly once: the digest and its deliveries are stored before sending, each
 * delivery is marked when the mail server accepts it, and only the lease holder sends.
 */
export async function runDigest(
  deps: DigestDeps,
  mode: { kind: 'compose'; slot: string | null } | { kind: 'resume' }
): Promise<DigestRun> {
  const { store, clock, holder } = deps;
  // The lease keeps other processes out but lets its holder in again, so two runs in this process
  // (the start-up catch-up and the retry job meeting at a five-minute mark) would both send.
  if (runsUnderWay.has(holder)) return { outcome: 'busy' };
  if (!store.digests.acquireLease(DIGEST_LEASE, holder, clock(), LEASE_MS)) return { outcome: 'busy' };
  runsUnderWay.add(holder);
  try {
    let digest = store.digests.sending();
    if (!digest && mode.kind === 'compose' && !(mode.slot && store.digests.bySlot(mode.slot)))
      digest = compose(deps, mode.slot);
    if (!digest) return { outcome: 'idle' };
    return await deliver(deps, digest);
  } finally {
    runsUnderWay.delete(holder);
    store.digests.releaseLease(DIGEST_LEASE, holder);
  }
}

function compose({ store, clock, appUrl, holder }: DigestDeps, slot: string | null): DigestRow {
  const now = clock();
  const last = store.digests.lastSent();
  const composed = composeDigestMail(
    digestInput(store, { coversFrom: last?.coversTo ?? null, coversTo: now.toISOString(), appUrl })
  );
  store.digests.ensureTokens();
  const digest = store.digests.store(
    {
      scheduledFor: slot,
      coversFrom: last?.coversTo ?? null,
      coversTo: now.toISOString(),
      createdAt: now.toISOString(),
      subject: composed.subject,
      html: composed.html,
      text: composed.text,
      sparksJson: JSON.stringify(composed.sparks)
    },
    store.digests.subscribers(),
    now
  );
  store.audit.append(
    {
      actor: `system:${holder}`,
      action: 'digest.compose',
      entity: 'digest',
      entityId: digest.id,
      after: {
        subject: digest.subject,
        recipients: store.digests.deliveries(digest.id).length,
        coversFrom: digest.coversFrom
      }
    },
    now
  );
  return digest;
}

async function deliver(
  { store, clock, mailer, appUrl, holder, stopRequested }: DigestDeps,
  digest: DigestRow
): Promise<DigestRun> {
  const attachments = (JSON.parse(digest.sparksJson) as DigestSpark[]).map((s) => ({
    cid: s.cid,
    filename: `${s.cid.split('@')[0]}.png`,
    content: sparklinePng(s.values)
  }));
  for (const d of store.digests.due(digest.id, clock())) {
    if (stopRequested?.()) break;
    // Still ours? A process stalled past its lease must not send alongside the one that took over.
    if (!store.digests.acquireLease(DIGEST_LEASE, holder, clock(), LEASE_MS)) break;
    // The link opens a page with a button (a scanner following it changes nothing); the header is the one-click POST.
    const token = encodeURIComponent(d.unsubscribeToken);
    const unsubscribe = `${appUrl}/unsubscribe?token=${token}`;
    try {
      const { messageId } = await mailer.send({
        key: `digest-${digest.id}-user-${d.userId}`,
        to: d.email,
        subject: digest.subject,
        html: digest.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribe),
        text: digest.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribe),
        attachments,
        unsubscribeUrl: `${appUrl}/api/digest/unsubscribe?token=${token}`
      });
      store.digests.markSent(d.id, clock(), messageId);
    } catch (err) {
      if (!(err instanceof DeliveryError)) throw err;
      const backoff = RETRY_BACKOFF_MS[d.attempts];
      if (err.permanent || backoff === undefined) store.digests.markFailed(d.id, err.message);
      else store.digests.markRetry(d.id, new Date(clock().getTime() + backoff), err.message);
    }
  }
  const status = store.digests.finishIfDone(digest.id, clock());
  const { sent, failed, pending } = store.digests.deliveryCounts(digest.id);
  if (status !== 'sending') {
    store.audit.append(
      {
        actor: `system:${holder}`,
        action: 'digest.send',
        entity: 'digest',
        entityId: digest.id,
        after: { status, sent, failed, target: mailer.target }
      },
      clock()
    );
  }
  return { outcome: 'done', digestId: digest.id, status, sent, failed, retrying: pending };
}
