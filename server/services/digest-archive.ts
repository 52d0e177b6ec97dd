// The digest archive as the app shows it: summaries with delivery counts, the next digest's
// preview, a digest's HTML with its images inline, and subscriptions (changed with an audit row).
import type { Actor } from '../actor.js';
import { UNSUBSCRIBE_PLACEHOLDER, type DigestSpark } from '../analysis/digest.js';
import type { DigestRow } from '../db/digest-repository.js';
import type { Store } from '../db/store.js';
import { composeDigestMail } from '../mail/digest-html.js';
import { sparklinePng } from '../mail/sparkline-png.js';
import type { Role } from '../schemas/index.js';
import { digestInput } from './digest-input.js';

/** A digest without its bodies, with how its deliveries went. */
export function digestSummary(store: Store, d: DigestRow) {
  const { html: _h, text: _t, sparksJson: _s, ...rest } = d;
  return { ...rest, deliveries: store.digests.deliveryCounts(d.id) };
}

/** What the next digest would say, covering everything since the last one sent. */
export function digestPreview(store: Store, now: Date, appUrl: string) {
  const coversFrom = store.digests.lastSent()?.coversTo ?? null;
  const coversTo = now.toISOString();
  return { coversFrom, coversTo, ...composeDigestMail(digestInput(store, { coversFrom, coversTo, appUrl })) };
}

/** A digest's HTML as the app shows it: images inline (no mail attachments here), settings instead of unsubscribe. */
export function htmlForBrowser(html: string, sparks: DigestSpark[], appUrl: string): string {
  let out = html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, `${appUrl}/settings`);
  for (const s of sparks)
    out = out.replaceAll(`cid:${s.cid}`, `data:image/png;base64,${sparklinePng(s.values).toString('base64')}`);
  return out;
}

/** A stored digest's HTML part for the browser; null when there is no such digest. */
export function archivedHtml(store: Store, id: number, appUrl: string): string | null {
  const d = store.digests.get(id);
  return d && htmlForBrowser(d.html, JSON.parse(d.sparksJson) as DigestSpark[], appUrl);
}

/**
 * One digest with its text and recipients. Addresses are personal data: watch officers see who
 * received a digest, not where (a mail server's refusal often quotes the address: hidden there too).
 */
export function digestDetail(store: Store, id: number, reader: Role, appUrl: string) {
  const d = store.digests.get(id);
  if (!d) return null;
  const showAddresses = reader === 'manager' || reader === 'admin';
  const recipients = store.digests
    .deliveries(d.id)
    .map(({ email, ...rest }) =>
      showAddresses
        ? { ...rest, email }
        : { ...rest, lastError: rest.lastError?.replaceAll(email, '(address hidden)') ?? null }
    );
  return {
    ...digestSummary(store, d),
    text: d.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, `${appUrl}/settings`),
    recipients
  };
}

/** One account's subscription row. */
export const subscriptionOf = (store: Store, userId: number) =>
  store.digests.subscriptions().find((s) => s.userId === userId) ?? null;

/** Subscribes or unsubscribes an account, audited; false when there is no such account. */
export function setSubscription(store: Store, userId: number, subscribed: boolean, who: Actor): boolean {
  return store.db.transaction(() => {
    if (!store.digests.setSubscribed(userId, subscribed)) return false;
    store.audit.append(
      { actor: who.actor, action: 'digest.subscription', entity: 'user', entityId: userId, after: { subscribed } },
      who.now
    );
    return true;
  })();
}

/** Unsubscribes the reader a mail's token names (the token is the credential); null for an unknown token. */
export function unsubscribeByToken(store: Store, token: string, now: Date) {
  const user = store.digests.userByToken(token);
  if (!user) return null;
  store.db.transaction(() => {
    store.digests.setSubscribed(user.id, false);
    store.audit.append({ actor: user.username, action: 'digest.unsubscribe', entity: 'user', entityId: user.id }, now);
  })();
  return { username: user.username, subscribed: false as const };
}
