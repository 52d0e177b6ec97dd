import { IsoDate } from '../schemas/common.js';
import type { CatalogueProblem } from './catalogue-error.js';
import type { Catalogue } from './load-catalogue.js';

const PRIOR_TOLERANCE = 0.001;

/** Rules that span files: unique ids, a band for every scenario, known documents, priors summing to 1. */
export function checkCatalogue(c: Catalogue, topicFile: string): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const documents = new Set(c.topic.documents.map((d) => d.file));
  const checkProvenance = (file: string, path: string, items: { document: string }[]) =>
    items.forEach((p, i) => {
      if (!documents.has(p.document)) {
        problems.push({ file, path: `${path}provenance[${i}].document`, message: `"${p.document}" is not a document listed in ${topicFile}` });
      }
    });

  const seen = new Map<string, string>();
  const claimId = (id: string, file: string, path: string) => {
    const other = seen.get(id);
    if (other) problems.push({ file, path, message: `id "${id}" is already used in ${other}` });
    else seen.set(id, file);
  };

  c.families.forEach((f) => {
    claimId(f.id, f.file, 'id');
    checkProvenance(f.file, '', f.provenance);
  });
  c.scenarios.forEach((s, i) => {
    claimId(s.id, c.scenariosFile, `scenarios[${i}].id`);
    checkProvenance(c.scenariosFile, `scenarios[${i}].`, s.provenance);
  });

  const scenarioIds = c.scenarios.map((s) => s.id);
  for (const ind of c.indicators) {
    const at = `indicators[${ind.index}]`;
    claimId(ind.id, ind.file, `${at}.id`);
    checkProvenance(ind.file, `${at}.`, ind.provenance);
    for (const id of scenarioIds) {
      if (!ind.bands[id]) problems.push({ file: ind.file, path: `${at}.bands`, message: `missing the band for scenario "${id}"` });
    }
    for (const id of Object.keys(ind.bands)) {
      if (!scenarioIds.includes(id)) problems.push({ file: ind.file, path: `${at}.bands.${id}`, message: 'no scenario has this id' });
    }
  }

  const priorSum = c.scenarios.reduce((sum, s) => sum + s.prior, 0);
  if (Math.abs(priorSum - 1) > PRIOR_TOLERANCE) {
    problems.push({ file: c.scenariosFile, path: 'scenarios[*].prior', message: `priors must sum to 1, they sum to ${priorSum.toFixed(3)}` });
  }

  const indicatorIds = new Set(c.indicators.map((i) => i.id));
  c.demoObservations.forEach((o, i) => {
    const file = c.demoFile ?? '';
    if (!indicatorIds.has(o.indicator)) problems.push({ file, path: `observations[${i}].indicator`, message: `no indicator "${o.indicator}" in the catalogue` });
    if (!documents.has(o.document)) problems.push({ file, path: `observations[${i}].document`, message: `"${o.document}" is not a document listed in ${topicFile}` });
    if (!IsoDate.safeParse(o.observedAt).success) problems.push({ file, path: `observations[${i}].observedAt`, message: 'is not a real calendar date' });
    else if (o.observedAt < c.topic.observableFrom) {
      problems.push({ file, path: `observations[${i}].observedAt`, message: `is before the topic's observableFrom (${c.topic.observableFrom})` });
    }
  });
  return problems;
}
