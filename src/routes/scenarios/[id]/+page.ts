import { getScenario } from '$lib/api/catalogue.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch, params }) => {
  try {
    return { scenario: await getScenario(fetch, params.id) };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
