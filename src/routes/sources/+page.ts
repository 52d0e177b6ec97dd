import { throwPageError } from '$lib/api/page-error.js';
import { OBSERVATIONS_DEPENDENCY, SOURCES_DEPENDENCY } from '$lib/api/dependencies.js';
import { listSources } from '$lib/api/sources.js';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch, depends }) => {
  // A new observation can add a source (or cite one more time), so both keys refresh the register.
  depends(SOURCES_DEPENDENCY, OBSERVATIONS_DEPENDENCY);
  try {
    return { sources: await listSources(fetch) };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
