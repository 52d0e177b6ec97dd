import { getDiagnosticity } from '$lib/api/assessment.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

// The Indicators Validator depends on the catalogue only (bands), not on observations.
export const load = (async ({ fetch }) => {
  try {
    return { diagnosticity: await getDiagnosticity(fetch) };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
