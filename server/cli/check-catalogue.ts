// Validates a topic folder without touching any database: `npm run catalogue:check -- indicators/isk`.
import { resolve } from 'node:path';
import { CatalogueError } from '../catalogue/catalogue-error.js';
import { loadDemoAnnotations } from '../catalogue/demo-annotations.js';
import { loadCatalogue } from '../catalogue/load-catalogue.js';

const dir = resolve(process.argv[2] ?? process.env.WATCHFLOOR_CATALOGUE ?? 'indicators/isk');
try {
  const c = loadCatalogue(dir);
  const annotations = loadDemoAnnotations(c);
  console.log(
    `${c.topic.title}: ${c.families.length} families, ${c.indicators.length} indicators, ` +
      `${c.scenarios.length} scenarios, ${c.demoObservations.length} demonstration observations, ${annotations.length} demonstration annotations. Valid.`
  );
} catch (err) {
  console.error(err instanceof CatalogueError ? err.message : err);
  process.exitCode = 1;
}
