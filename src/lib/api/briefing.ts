import type { Briefing } from '$shared/index.js';
import { getJson, type Fetch } from './http.js';

/** Everything the printed briefing shows for a date range, in one answer. */
export function getBriefing(fetch: Fetch, range: { from?: string; to?: string }) {
  const query = new URLSearchParams(Object.entries(range).filter(([, v]) => v) as [string, string][]);
  return getJson<Briefing>(fetch, `/briefing?${query}`);
}

/** The briefing's address for a range, as linked from the analysis pages. */
export const briefingHref = (range: { from?: string; to?: string }) =>
  `/briefing?${new URLSearchParams(Object.entries(range).filter(([, v]) => v) as [string, string][])}`;
