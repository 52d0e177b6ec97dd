import type { Overview } from '$shared/index.js';
import { getOverview } from '$lib/api/catalogue.js';
import { OBSERVATIONS_DEPENDENCY } from '$lib/api/page-error.js';
import type { LayoutLoad } from './$types.js';

// A single-page app: everything renders in the browser, nothing is prerendered.
export const ssr = false;
export const prerender = false;

/**
 * The overview is the one source for the header (topic, demo banner) and the overview page.
 * A failure is returned, not thrown: a root layout error would replace the whole app with a bare
 * fallback page, so the overview page turns it into a proper error instead.
 */
export const load = (async ({ fetch, depends }) => {
  depends(OBSERVATIONS_DEPENDENCY);
  try {
    return { overview: await getOverview(fetch), overviewError: null };
  } catch (e) {
    return { overview: null as Overview | null, overviewError: e instanceof Error ? e : new Error(String(e)) };
  }
}) satisfies LayoutLoad;
