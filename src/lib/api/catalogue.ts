import type { Family, IndicatorDetail, IndicatorSummary, Overview, Scenario, ScenarioDetail } from '$shared/index.js';
import { getJson, type Fetch } from './http.js';

const id = (value: string) => encodeURIComponent(value);

export const getOverview = (fetch: Fetch) => getJson<Overview>(fetch, '/overview');

export const listFamilies = (fetch: Fetch) => getJson<Family[]>(fetch, '/families');

export const listIndicators = (fetch: Fetch) => getJson<IndicatorSummary[]>(fetch, '/indicators');

export const getIndicator = (fetch: Fetch, indicatorId: string) =>
  getJson<IndicatorDetail>(fetch, `/indicators/${id(indicatorId)}`);

export const listScenarios = (fetch: Fetch) => getJson<Scenario[]>(fetch, '/scenarios');

export const getScenario = (fetch: Fetch, scenarioId: string) =>
  getJson<ScenarioDetail>(fetch, `/scenarios/${id(scenarioId)}`);
