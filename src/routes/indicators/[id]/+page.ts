import type { Period } from '$shared/index.js';
import { getIndicator } from '$lib/api/catalogue.js';
import { getSeries, listObservations, type SeriesRange } from '$lib/api/observations.js';
import { ApiError } from '$lib/api/http.js';
import { OBSERVATIONS_DEPENDENCY, throwPageError } from '$lib/api/page-error.js';
import type { PageLoad } from './$types.js';

const PERIODS: readonly Period[] = ['week', 'month', 'quarter'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The chart range lives in the URL (?period=&from=&to=) so a view can be shared and survives reloads. */
function rangeFrom(url: URL): SeriesRange {
  const p = url.searchParams.get('period');
  const period = PERIODS.includes(p as Period) ? (p as Period) : 'month';
  let from = url.searchParams.get('from') ?? undefined;
  let to = url.searchParams.get('to') ?? undefined;
  if (from && !DATE.test(from)) from = undefined;
  if (to && !DATE.test(to)) to = undefined;
  // A reversed range is a slip of the hand, not a request for nothing.
  if (from && to && from > to) [from, to] = [to, from];
  return { period, from, to };
}

/** A range the server refuses (too many weeks, say) is the chart's problem, not the page's. */
async function seriesOrRefusal(fetch: typeof globalThis.fetch, id: string, range: SeriesRange) {
  try {
    return { series: await getSeries(fetch, id, range), seriesError: null };
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) {
      return { series: null, seriesError: e.issues.map((i) => i.message).join('; ') || e.message };
    }
    throw e;
  }
}

export const load = (async ({ fetch, params, url, depends }) => {
  depends(OBSERVATIONS_DEPENDENCY);
  const range = rangeFrom(url);
  try {
    const [indicator, observations, trend] = await Promise.all([
      getIndicator(fetch, params.id),
      listObservations(fetch, params.id),
      seriesOrRefusal(fetch, params.id, range)
    ]);
    return { indicator, observations, ...trend, range };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
