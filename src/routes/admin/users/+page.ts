import { listUsers } from '$lib/api/auth.js';
import { USERS_DEPENDENCY } from '$lib/api/dependencies.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch, depends }) => {
  depends(USERS_DEPENDENCY);
  try {
    return { users: await listUsers(fetch) };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
