import { listAnnotations } from '$lib/api/annotations.js';
import { ANNOTATIONS_DEPENDENCY, OBSERVATIONS_DEPENDENCY } from '$lib/api/dependencies.js';
import { getScenarioFit } from '$lib/api/assessment.js';
import { refusalOr } from '$lib/api/loading.js';
import { throwPageError } from '$lib/api/page-error.js';
import { localToday } from '$lib/format.js';
import { analysisPresets, latestObservation, rangeFromUrl } from '$lib/range.js';
import type { PageLoad } from './$types.js';

// The manager's first page: scenario probabilities over time and why they stand where they do.
export const load = (async ({ fetch, url, parent, depends }) => {
  depends(OBSERVATIONS_DEPENDENCY, ANNOTATIONS_DEPENDENCY);
  const range = rangeFromUrl(url);
  try {
    const [{ overview }, fit, annotations] = await Promise.all([
      parent(),
      refusalOr(getScenarioFit(fetch, range)),
      listAnnotations(fetch, { scope: 'all' })
    ]);
    const presets = analysisPresets(latestObservation(overview), overview?.today ?? localToday());
    return { range, presets, fit: fit.value, fitError: fit.refusal, annotations };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
