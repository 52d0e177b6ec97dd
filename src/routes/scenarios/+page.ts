import { listScenarios } from '$lib/api/catalogue.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch }) => {
  try {
    return { scenarios: await listScenarios(fetch) };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
