import { DIGESTS_DEPENDENCY, getDigestPreview } from '$lib/api/digests.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch, depends }) => {
  depends(DIGESTS_DEPENDENCY);
  try {
    return { preview: await getDigestPreview(fetch) };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
