// `npm run assessment:rebuild`: recompute the materialised scenario assessment from the evidence
// (after a restore, or to check it). Uses the server's configuration (WATCHFLOOR_DB, …) and
// synchronises the catalogue first, as a start would.
import { runEvaluateWarnings } from '../jobs/evaluate-warnings.js';
import { rebuildAssessment } from '../services/assessment-upkeep.js';
import { runCli, withStore } from './cli-store.js';

runCli(() =>
  withStore((store) => {
    const started = process.hrtime.bigint();
    const built = rebuildAssessment(store);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const warnings = runEvaluateWarnings({ store, clock: () => new Date() });
    console.log(
      `Assessment rebuilt in ${ms.toFixed(0)} ms: ${built.segments} vote segments, ${built.days} days; warnings: ${warnings.inserted} new, ${warnings.withdrawn} withdrawn.`
    );
  })
);
