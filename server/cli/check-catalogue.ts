// Validates a topic folder without touching any database: `npm run catalogue:check -- indicators/isk`.
// It applies the loader's rules and, beyond them, the separation rule (every scenario pair told
// apart by enough indicators) that a topic under construction may still fail while it loads.
import { resolve } from 'node:path';
import { CatalogueError } from '../catalogue/catalogue-error.js';
import { checkSeparation } from '../catalogue/check-catalogue.js';
import { loadDemoAnnotations } from '../catalogue/demo-annotations.js';
import { loadCatalogue } from '../catalogue/load-catalogue.js';

const dir = resolve(process.argv[2] ?? process.env.WATCHFLOOR_CATALOGUE ?? 'indicators/isk');
try {
  const c = loadCatalogue(dir);
  const { problems, idle } = checkSeparation(c);
  if (idle.length) console.warn(`Separate no pair of scenarios (non-diagnostic): ${idle.join(', ')}.`);
  if (problems.length) throw new CatalogueError(problems);
  const annotations = loadDemoAnnotations(c);
  const pairs = (c.scenarios.length * (c.scenarios.length - 1)) / 2;
  console.log(
    `${c.topic.title}: ${c.families.length} families, ${c.indicators.length} indicators, ` +
      `${c.scenarios.length} scenarios (${pairs} pairs, each separated), ` +
      `${c.demoObservations.length} demonstration observations, ${annotations.length} demonstration annotations. Valid.`
  );
} catch (err) {
  console.error(err instanceof CatalogueError ? err.message : err);
  process.exitCode = 1;
}
