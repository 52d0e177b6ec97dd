import { listFailedDeliveries } from '$lib/api/digests.js';
import { DIGESTS_DEPENDENCY } from '$lib/api/dependencies.js';
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
