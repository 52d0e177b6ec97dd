import type { Overview } from '$shared/index.js';
import { redirect } from '@sveltejs/kit';
import { getMe, SESSION_DEPENDENCY } from '$lib/api/auth.js';
import { getOverview } from '$lib/api/catalogue.js';
import { OBSERVATIONS_DEPENDENCY } from '$lib/api/page-error.js';
import type { LayoutLoad } from './$types.js';

// A single-page app: everything renders in the browser, nothing is prerendered.
export const ssr = false;
export const prerender = false;

/** Pages anyone may open: signing in, and the digest's unsubscribe page (its token is the credential). */
const PUBLIC_PAGES = new Set(['/login', '/unsubscribe']);

/**
 * Who is signed in (nobody: off to /login), then the overview, the one source for the header
 * (topic, demo banner) and the overview page. An overview failure is returned, not thrown: a
 * root layout error would replace the whole app with a bare fallback page.
 */
export const load = (async ({ fetch, depends, url }) => {
  depends(OBSERVATIONS_DEPENDENCY, SESSION_DEPENDENCY);
  const me = await getMe(fetch);
  if (!me) {
    if (!PUBLIC_PAGES.has(url.pathname)) redirect(307, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
    return { me: null, overview: null as Overview | null, overviewError: null };
  }
  try {
    return { me, overview: await getOverview(fetch), overviewError: null };
  } catch (e) {
    return { me, overview: null as Overview | null, overviewError: e instanceof Error ? e : new Error(String(e)) };
  }
}) satisfies LayoutLoad;
