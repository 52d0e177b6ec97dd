import type { Overview } from '$shared/index.js';
import { OBSERVATIONS_DEPENDENCY, SESSION_DEPENDENCY } from '$lib/api/dependencies.js';
import { redirect } from '@sveltejs/kit';
import { getMe } from '$lib/api/auth.js';
import { getOverview } from '$lib/api/catalogue.js';
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
  // Both requests at once: one round trip before the first screen, not two. Public pages skip the
  // overview (a signed-out request would only be refused).
  const overview = PUBLIC_PAGES.has(url.pathname) ? null : settled(getOverview(fetch));
  // The sign-in page asks nobody's name: signed out, the answer would be a 401 in the console.
  const me = url.pathname === '/login' ? null : await getMe(fetch);
  if (!me) {
    if (!PUBLIC_PAGES.has(url.pathname)) redirect(307, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
    return { me: null, overview: null as Overview | null, overviewError: null };
  }
  const answer = await (overview ?? settled(getOverview(fetch)));
  return { me, overview: answer.overview, overviewError: answer.error };
}) satisfies LayoutLoad;

/** The overview or why it failed, never a rejection (an unawaited rejection would be reported as unhandled). */
async function settled(request: Promise<Overview>): Promise<{ overview: Overview | null; error: Error | null }> {
  try {
    return { overview: await request, error: null };
  } catch (e) {
    return { overview: null, error: e instanceof Error ? e : new Error(String(e)) };
  }
}
