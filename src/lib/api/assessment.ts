import type { Diagnosticity, FamilySeries, ScenarioFit } from '$shared/index.js';
import { getJson, type Fetch } from './http.js';
import { rangeQuery, type SeriesRange } from './observations.js';

/** Scenario probabilities per period, with the ACH table, the latest movement and the sensitivity. */
export const getScenarioFit = (fetch: Fetch, range: SeriesRange) =>
  getJson<ScenarioFit>(fetch, `/scenarios/fit?${rangeQuery(range)}`);

/** The Indicators Validator: how well each indicator separates the scenarios. */
export const getDiagnosticity = (fetch: Fetch) => getJson<Diagnosticity>(fetch, '/diagnosticity');

/** A family's composite reading and each of its indicators' readings, per period. */
export const getFamilySeries = (fetch: Fetch, familyId: string, range: SeriesRange) =>
  getJson<FamilySeries>(fetch, `/families/${encodeURIComponent(familyId)}/series?${rangeQuery(range)}`);
