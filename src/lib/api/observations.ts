import type { Observation, ObservationInput, Period, Series } from '$shared/index.js';
import { getJson, postJson, type Fetch } from './http.js';

export interface SeriesRange {
  period: Period;
  /** YYYY-MM-DD; omitted means "from the first observation" / "to today", as the server decides. */
  from?: string;
  to?: string;
}

/** Every observation of an indicator, newest first, superseded ones included (they carry `supersededBy`). */
export const listObservations = (fetch: Fetch, indicatorId: string) =>
  getJson<Observation[]>(fetch, `/indicators/${encodeURIComponent(indicatorId)}/observations`);

/** `period=…&from=…&to=…`, leaving out what the server should decide. */
export function rangeQuery(range: SeriesRange): URLSearchParams {
  const query = new URLSearchParams({ period: range.period });
  if (range.from) query.set('from', range.from);
  if (range.to) query.set('to', range.to);
  return query;
}

export const getSeries = (fetch: Fetch, indicatorId: string, range: SeriesRange): Promise<Series> =>
  getJson<Series>(fetch, `/indicators/${encodeURIComponent(indicatorId)}/series?${rangeQuery(range)}`);

/** Records a reading (or a correction, when `supersedes` is set). A 400 throws ApiError with field issues. */
export const recordObservation = (fetch: Fetch, input: ObservationInput) =>
  postJson<Observation>(fetch, '/observations', input);
