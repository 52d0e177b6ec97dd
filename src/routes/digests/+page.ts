import { getDigestPreview, listDigests } from '$lib/api/digests.js';
import { DIGESTS_DEPENDENCY } from '$lib/api/dependencies.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch, depends }) => {
  depends(DIGESTS_DEPENDENCY);
  try {
    // The preview composes a whole digest on the server: the page shows the archive without waiting
    // for it, and the card fills in when it comes (a failure shows in the card, not as an unhandled rejection).
    const preview = getDigestPreview(fetch);
    preview.catch(() => {});
    return { digests: await listDigests(fetch), preview };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
