import { listAnnotations } from '$lib/api/annotations.js';
import {
  ANNOTATIONS_DEPENDENCY,
  OBSERVATIONS_DEPENDENCY,
  SOURCES_DEPENDENCY,
  WARNINGS_DEPENDENCY
} from '$lib/api/dependencies.js';
import { getScenarioFit } from '$lib/api/assessment.js';
import { getIndicator } from '$lib/api/catalogue.js';
import { ApiError } from '$lib/api/http.js';
import { getSeries, listObservations } from '$lib/api/observations.js';
import { refusalOr } from '$lib/api/loading.js';
import { throwPageError } from '$lib/api/page-error.js';
import { listSources } from '$lib/api/sources.js';
import { listWarnings } from '$lib/api/warnings.js';
import { localToday } from '$lib/format.js';
import { analysisPresets, latestObservation, rangeFromUrl } from '$lib/range.js';
import type { SeriesRange } from '$lib/api/observations.js';
import type { Overview } from '$shared/index.js';
import type { PageLoad } from './$types.js';

/** The source picker is a convenience: a role that may not list sources still sees the page. */
async function sourcesIfAllowed(fetch: typeof globalThis.fetch) {
  try {
    return await listSources(fetch);
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return [];
    throw e;
  }
}

/**
 * The scenario leading in the range's latest period: the chart shows its band first. A range that
 * runs to today (the default) ends on today's assessment, whose leader the overview already holds:
 * no request. A refusal only loses the default.
 */
async function leaderAtEnd(
  fetch: typeof globalThis.fetch,
  range: SeriesRange,
  overview: Promise<Overview | null>
): Promise<string | null> {
  try {
    if (!range.to) {
      const known = (await overview)?.scenarioPicture.leading;
      if (known) return known;
    }
    return (await getScenarioFit(fetch, range)).points.at(-1)?.leading ?? null;
  } catch {
    return null;
  }
}

export const load = (async ({ fetch, params, url, parent, depends }) => {
  // Recording an observation re-evaluates warnings on the server, so both refresh together.
  depends(OBSERVATIONS_DEPENDENCY, WARNINGS_DEPENDENCY, SOURCES_DEPENDENCY, ANNOTATIONS_DEPENDENCY);
  const range = rangeFromUrl(url);
  try {
    const overviewLoaded = parent().then((p) => p.overview);
    const [overview, indicator, observations, trend, warnings, sources, leader, annotations] = await Promise.all([
      overviewLoaded,
      getIndicator(fetch, params.id),
      listObservations(fetch, params.id),
      refusalOr(getSeries(fetch, params.id, range)),
      listWarnings(fetch, { indicatorId: params.id, state: 'all' }),
      sourcesIfAllowed(fetch),
      leaderAtEnd(fetch, range, overviewLoaded),
      listAnnotations(fetch, { indicatorId: params.id })
    ]);
    const presets = analysisPresets(latestObservation(overview), overview?.today ?? localToday());
    return {
      indicator,
      observations,
      series: trend.value,
      seriesError: trend.refusal,
      range,
      presets,
      warnings,
      sources,
      leader,
      annotations
    };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
