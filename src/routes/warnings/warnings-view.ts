import type { WarningKind } from '$shared/index.js';
import type { WarningStateFilter } from '$lib/api/warnings.js';

export const STATES: readonly WarningStateFilter[] = ['open', 'acknowledged', 'resolved', 'all'];
export const KINDS: readonly WarningKind[] = ['tripwire', 'recovery', 'novelty', 'staleness', 'shift'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the warnings page shows: every filter, as the URL holds it. */
export interface WarningsView {
  state: WarningStateFilter;
  kind: WarningKind | null;
  since: string | null;
  indicatorId: string | null;
}

/** The filters live in the URL, so a filtered list can be shared; unreadable values fall back to the default. */
export function viewFrom(url: URL): WarningsView {
  const q = url.searchParams;
  const state = q.get('state') as WarningStateFilter;
  const kind = q.get('kind') as WarningKind;
  const since = q.get('since') ?? '';
  return {
    state: STATES.includes(state) ? state : 'open',
    kind: KINDS.includes(kind) ? kind : null,
    since: DATE.test(since) ? since : null,
    indicatorId: q.get('indicatorId') || null
  };
}

/** The URL search for a view, leaving out defaults so the plain page stays `/warnings`. */
export function viewSearch(view: WarningsView): string {
  const q = new URLSearchParams();
  if (view.state !== 'open') q.set('state', view.state);
  if (view.kind) q.set('kind', view.kind);
  if (view.since) q.set('since', view.since);
  if (view.indicatorId) q.set('indicatorId', view.indicatorId);
  return q.size ? `?${q}` : '?';
}
