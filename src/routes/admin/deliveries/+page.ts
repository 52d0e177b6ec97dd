import { DIGESTS_DEPENDENCY, listFailedDeliveries } from '$lib/api/digests.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch, depends }) => {
  depends(DIGESTS_DEPENDENCY);
  try {
    return { deliveries: await listFailedDeliveries(fetch) };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
