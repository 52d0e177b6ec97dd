import { ANNOTATIONS_DEPENDENCY, OBSERVATIONS_DEPENDENCY } from '$lib/api/dependencies.js';
import { getBriefing } from '$lib/api/briefing.js';
import { refusalOr } from '$lib/api/loading.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// A print-ready briefing for ?from=&to= (default: the 90 days up to today), from one API call.
export const load = (async ({ fetch, url, depends }) => {
  depends(OBSERVATIONS_DEPENDENCY, ANNOTATIONS_DEPENDENCY);
  const pick = (key: string) => {
    const value = url.searchParams.get(key);
    return value && DATE.test(value) ? value : undefined;
  };
  const range = { from: pick('from'), to: pick('to') };
  try {
    const briefing = await refusalOr(getBriefing(fetch, range));
    return { range, briefing: briefing.value, refusal: briefing.refusal };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
