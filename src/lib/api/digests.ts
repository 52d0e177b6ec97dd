import type { Delivery, DigestDetail, DigestPreview, DigestSummary, Role, Subscription } from '$shared/index.js';
import { getJson, postJson, putJson, type Fetch } from './http.js';

/** Every digest stored, newest first, with how its deliveries stand. */
export const listDigests = (fetch: Fetch) => getJson<DigestSummary[]>(fetch, '/digests');
export const getDigest = (fetch: Fetch, id: number) => getJson<DigestDetail>(fetch, `/digests/${id}`);
/** The next digest as it would be composed now; nothing is stored or sent. */
export const getDigestPreview = (fetch: Fetch) => getJson<DigestPreview>(fetch, '/digests/preview');
/** Admin only: deliveries that failed for good or are waiting for a retry. */
export const listFailedDeliveries = (fetch: Fetch) => getJson<Delivery[]>(fetch, '/digests/failures');

// The HTML parts are framed, not fetched: an <iframe src> keeps the mail's markup out of the app's DOM.
export const digestHtmlUrl = (id: number) => `/api/digests/${id}/html`;
export const PREVIEW_HTML_URL = '/api/digests/preview/html';

/** Managers and admins: everyone's subscription, by username. */
export const listSubscriptions = (fetch: Fetch) => getJson<Subscription[]>(fetch, '/digest/subscriptions');
export const setSubscription = (fetch: Fetch, userId: number, subscribed: boolean) =>
  putJson<Subscription[]>(fetch, `/digest/subscriptions/${userId}`, { subscribed });
/** Anyone signed in, for themselves. */
export const getOwnSubscription = (fetch: Fetch) => getJson<Subscription>(fetch, '/digest/subscription');
export const setOwnSubscription = (fetch: Fetch, subscribed: boolean) =>
  putJson<Subscription>(fetch, '/digest/subscription', { subscribed });

/** The unsubscribe page's button: the same one-click request a mail client sends (RFC 8058). */
export const unsubscribeByToken = (fetch: Fetch, token: string) =>
  postJson<{ username: string; subscribed: false }>(fetch, `/digest/unsubscribe?token=${encodeURIComponent(token)}`, {
    'List-Unsubscribe': 'One-Click'
  });

/** "3 Mar 2025 → 10 Mar 2025", or "everything up to …" for the first digest, which has no start. */
export function coveredPeriod(coversFrom: string | null, coversTo: string, format: (iso: string) => string): string {
  return coversFrom === null ? `everything up to ${format(coversTo)}` : `${format(coversFrom)} → ${format(coversTo)}`;
}

/** Who may see and change everyone's subscription, as the server enforces it. */
export const mayManageSubscriptions = (role: Role | undefined) => role === 'manager' || role === 'admin';
