import { error } from '@sveltejs/kit';
import { DIGESTS_DEPENDENCY } from '$lib/api/dependencies.js';
import { getDigest } from '$lib/api/digests.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch, params, depends }) => {
  depends(DIGESTS_DEPENDENCY);
  const id = Number(params.id);
  // "/digests/abc" is a missing page, not a server error.
  if (!Number.isInteger(id) || id <= 0) error(404, `no digest "${params.id}"`);
  try {
    return { digest: await getDigest(fetch, id) };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
