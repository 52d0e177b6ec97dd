import { getOwnSubscription, listSubscriptions, mayManageSubscriptions } from '$lib/api/digests.js';
import { DIGESTS_DEPENDENCY } from '$lib/api/dependencies.js';
import { throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

/** Everyone reads their own subscription; managers and admins also everyone's. */
export const load = (async ({ fetch, parent, depends }) => {
  depends(DIGESTS_DEPENDENCY);
  const { me } = await parent();
  try {
    const [own, subscriptions] = await Promise.all([
      getOwnSubscription(fetch),
      mayManageSubscriptions(me?.user.role) ? listSubscriptions(fetch) : Promise.resolve(null)
    ]);
    return { own, subscriptions };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
