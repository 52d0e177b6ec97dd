import { listAudit, type AuditFilter } from '$lib/api/auth.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

/** Filters live in the URL, so a filtered view can be shared and reloaded. */
export const load = (async ({ fetch, url }) => {
  const filter: AuditFilter = {
    actor: url.searchParams.get('actor') ?? undefined,
    action: url.searchParams.get('action') ?? undefined,
    from: url.searchParams.get('from') ?? undefined,
    to: url.searchParams.get('to') ?? undefined
  };
  try {
    return { filter, entries: await listAudit(fetch, filter) };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
