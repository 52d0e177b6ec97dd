import type { WarningKind } from '$shared/index.js';
import { WARNINGS_DEPENDENCY } from '$lib/api/loading.js';
import { OBSERVATIONS_DEPENDENCY, throwPageError } from '$lib/api/page-error.js';
import { listWarnings } from '$lib/api/warnings.js';
import type { PageLoad } from './$types.js';
import { KINDS, viewFrom } from './warnings-view.js';

export const load = (async ({ fetch, url, parent, depends }) => {
  // Recording an observation re-evaluates warnings, so both keys refresh this list.
  depends(WARNINGS_DEPENDENCY, OBSERVATIONS_DEPENDENCY);
  const view = viewFrom(url);
  try {
    const [{ overview }, all] = await Promise.all([
      parent(),
      listWarnings(fetch, { state: view.state, since: view.since ?? undefined, indicatorId: view.indicatorId ?? undefined })
    ]);
    // Kind is filtered here rather than by the server so the kind filter can show how many each kind has.
    const counts = Object.fromEntries(KINDS.map((k) => [k, all.filter((w) => w.kind === k).length])) as Record<WarningKind, number>;
    const warnings = view.kind ? all.filter((w) => w.kind === view.kind) : all;
    const scenarioTitles = Object.fromEntries((overview?.scenarios ?? []).map((s) => [s.id, s.title]));
    return { view, warnings, counts, total: all.length, scenarioTitles };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
