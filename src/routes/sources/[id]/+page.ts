import { throwPageError } from '$lib/api/page-error.js';
import { SOURCES_DEPENDENCY } from '$lib/api/dependencies.js';
import { getSource } from '$lib/api/sources.js';
import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch, params, depends }) => {
  depends(SOURCES_DEPENDENCY);
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) error(404, `No source "${params.id}".`);
  try {
    return { source: await getSource(fetch, id) };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
