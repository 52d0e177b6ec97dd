import { error } from '@sveltejs/kit';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

// The overview comes from the root layout (one request feeds header and page); a failure surfaces here.
export const load = (async ({ parent }) => {
  const { overview, overviewError } = await parent();
  if (!overview) {
    if (overviewError) throwPageError(overviewError);
    error(503, 'The overview could not be loaded.');
  }
  return { overview };
}) satisfies PageLoad;
