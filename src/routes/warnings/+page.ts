import { throwPageError } from '$lib/api/page-error.js';
import { OBSERVATIONS_DEPENDENCY, WARNINGS_DEPENDENCY } from '$lib/api/dependencies.js';
import { listWarnings } from '$lib/api/warnings.js';
import type { PageLoad } from './$types.js';
import { countBy, KINDS, SEVERITIES, viewFrom } from './warnings-view.js';

export const load = (async ({ fetch, url, parent, depends }) => {
  // Recording an observation re-evaluates warnings, so both keys refresh this list.
  depends(WARNINGS_DEPENDENCY, OBSERVATIONS_DEPENDENCY);
  const view = viewFrom(url);
  try {
    const [{ overview }, all] = await Promise.all([
      parent(),
      listWarnings(fetch, {
        state: view.state,
        since: view.since ?? undefined,
        indicatorId: view.indicatorId ?? undefined
      })
    ]);
    // Kind and severity are filtered here rather than by the server so the filters can show counts.
    const counts = countBy(all, KINDS, (w) => w.kind);
    const severityCounts = countBy(all, SEVERITIES, (w) => w.severity);
    const warnings = all.filter(
      (w) => (!view.kind || w.kind === view.kind) && (!view.severity || w.severity === view.severity)
    );
    const scenarioTitles = Object.fromEntries((overview?.scenarios ?? []).map((s) => [s.id, s.title]));
    const familyOf = Object.fromEntries(
      (overview?.families ?? []).flatMap((f) => f.indicators.map((i) => [i.id, { id: f.id, title: f.title }]))
    );
    return { view, warnings, counts, severityCounts, total: all.length, scenarioTitles, familyOf };
  } catch (e) {
    throwPageError(e);
  }
}) satisfies PageLoad;
