import { error } from '@sveltejs/kit';
import { listAnnotations } from '$lib/api/annotations.js';
import { ANNOTATIONS_DEPENDENCY, OBSERVATIONS_DEPENDENCY } from '$lib/api/dependencies.js';
import { getFamilySeries } from '$lib/api/assessment.js';
import { listFamilies } from '$lib/api/catalogue.js';
import { refusalOr } from '$lib/api/loading.js';
import { throwPageError } from '$lib/api/page-error.js';
import { localToday } from '$lib/format.js';
import { analysisPresets, latestObservation, rangeFromUrl } from '$lib/range.js';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch, params, url, parent, depends }) => {
  depends(OBSERVATIONS_DEPENDENCY, ANNOTATIONS_DEPENDENCY);
  const range = rangeFromUrl(url);
  try {
    const [{ overview }, families, trend, annotations] = await Promise.all([
      parent(),
      listFamilies(fetch),
      refusalOr(getFamilySeries(fetch, params.id, range)),
      listAnnotations(fetch, { familyId: params.id }).catch(() => [])
    ]);
    const family = families.find((f) => f.id === params.id);
    if (!family) error(404, `No indicator family "${params.id}" in the catalogue.`);
    // The overview already holds each indicator's latest level and freshness: the table reuses it.
    const indicators = overview?.families.find((f) => f.id === params.id)?.indicators ?? [];
    const presets = analysisPresets(latestObservation(overview), overview?.today ?? localToday());
    return { family, indicators, series: trend.value, seriesError: trend.refusal, range, presets, annotations };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
