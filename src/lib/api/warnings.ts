import type { BulkAcknowledgeResult, Warning, WarningKind } from '$shared/index.js';
import { getJson, postJson, type Fetch } from './http.js';

export type WarningStateFilter = 'open' | 'acknowledged' | 'resolved' | 'all';

export interface WarningFilter {
  state?: WarningStateFilter;
  kind?: WarningKind;
  /** YYYY-MM-DD: warnings that began or were still running on or after this day. */
  since?: string;
  indicatorId?: string;
}

/** Warnings, newest first. Without a state the server answers every state. */
export function listWarnings(fetch: Fetch, filter: WarningFilter = {}): Promise<Warning[]> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  return getJson<Warning[]>(fetch, `/warnings${query.size ? `?${query}` : ''}`);
}

/** Marks a warning as seen by someone who may act on it; it stays listed, as acknowledged. */
export const acknowledgeWarning = (fetch: Fetch, id: number, note?: string) =>
  postJson<Warning>(fetch, `/warnings/${id}/acknowledge`, note ? { note } : {});

/** Acknowledges several warnings with one note, all or none. */
export const acknowledgeWarnings = (fetch: Fetch, ids: number[], note: string) =>
  postJson<BulkAcknowledgeResult>(fetch, '/warnings/acknowledge', { ids, note });
