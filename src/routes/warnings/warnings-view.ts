import type { Warning, WarningKind, WarningSeverity } from '$shared/index.js';
import type { WarningStateFilter } from '$lib/api/warnings.js';

export const STATES: readonly WarningStateFilter[] = ['open', 'acknowledged', 'resolved', 'all'];
export const KINDS: readonly WarningKind[] = ['tripwire', 'recovery', 'novelty', 'staleness', 'shift'];
/** The server decides each kind's severity (server/analysis/warning-severity.ts); these are only the words. */
export const SEVERITIES: readonly WarningSeverity[] = ['high', 'medium', 'low'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the warnings page shows: every filter, as the URL holds it. */
export interface WarningsView {
  state: WarningStateFilter;
  kind: WarningKind | null;
  severity: WarningSeverity | null;
  since: string | null;
  indicatorId: string | null;
}

/** The filters live in the URL, so a filtered list can be shared; unreadable values fall back to the default. */
export function viewFrom(url: URL): WarningsView {
  const q = url.searchParams;
  const state = q.get('state') as WarningStateFilter;
  const kind = q.get('kind') as WarningKind;
  const severity = q.get('severity') as WarningSeverity;
  const since = q.get('since') ?? '';
  return {
    state: STATES.includes(state) ? state : 'open',
    kind: KINDS.includes(kind) ? kind : null,
    severity: SEVERITIES.includes(severity) ? severity : null,
    since: DATE.test(since) ? since : null,
    indicatorId: q.get('indicatorId') || null
  };
}

/** The URL search for a view, leaving out defaults so the plain page stays `/warnings`. */
export function viewSearch(view: WarningsView): string {
  const q = new URLSearchParams();
  if (view.state !== 'open') q.set('state', view.state);
  if (view.kind) q.set('kind', view.kind);
  if (view.severity) q.set('severity', view.severity);
  if (view.since) q.set('since', view.since);
  if (view.indicatorId) q.set('indicatorId', view.indicatorId);
  return q.size ? `?${q}` : '?';
}

/** How many warnings of each value a field has, for the filters' labels. */
export function countBy<K extends string>(
  warnings: Warning[],
  keys: readonly K[],
  of: (w: Warning) => K
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const w of warnings) counts[of(w)] += 1;
  return counts;
}

export interface StaleGroup {
  id: string;
  title: string;
  warnings: Warning[];
}

/** Staleness warnings by their indicator's family, in catalogue order; the rest stay one list. */
export function groupStaleness(warnings: Warning[], familyOf: Record<string, { id: string; title: string }>) {
  const groups = new Map<string, StaleGroup>();
  const others: Warning[] = [];
  for (const w of warnings) {
    if (w.kind !== 'staleness') {
      others.push(w);
      continue;
    }
    const family = (w.indicatorId && familyOf[w.indicatorId]) || { id: 'other', title: 'Other indicators' };
    const group = groups.get(family.id) ?? { ...family, warnings: [] };
    group.warnings.push(w);
    groups.set(family.id, group);
  }
  return { others, staleGroups: [...groups.values()] };
}

/** Puts every id in the bulk-acknowledgement selection, or takes them all out. */
export function chooseAll(selected: Set<number>, ids: readonly number[], on: boolean): void {
  for (const id of ids) {
    if (on) selected.add(id);
    else selected.delete(id);
  }
}
