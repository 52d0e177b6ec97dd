import { diagnosticity } from '../analysis/diagnosticity.js';
import { MIN_SEPARATING_INDICATORS } from '../analysis/method.js';
import { IsoDate } from '../schemas/common.js';
import type { CatalogueProblem } from './catalogue-error.js';
import { checkDemoObservations } from './check-demo.js';
import type { Catalogue } from './load-catalogue.js';

const PRIOR_TOLERANCE = 0.001;

/**
 * Rules that span files, enforced when the catalogue loads (a catalogue failing them does not
 * start): unique ids, a band for every scenario, known documents, priors summing to 1, scenarios
 * placed on the topic's axes without two sharing a place, and the demonstration data's mechanics.
 */
export function checkCatalogue(c: Catalogue, topicFile: string): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const documents = new Set(c.topic.documents.map((d) => d.file));
  const checkProvenance = (file: string, path: string, items: { document: string }[]) =>
    items.forEach((p, i) => {
      if (!documents.has(p.document)) {
        problems.push({
          file,
          path: `${path}provenance[${i}].document`,
          message: `"${p.document}" is not a document listed in ${topicFile}`
        });
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
  problems.push(...checkPositions(c, topicFile));

  const scenarioIds = c.scenarios.map((s) => s.id);
  for (const ind of c.indicators) {
    const at = `indicators[${ind.index}]`;
    claimId(ind.id, ind.file, `${at}.id`);
    checkProvenance(ind.file, `${at}.`, ind.provenance);
    for (const id of scenarioIds) {
      if (!ind.bands[id])
        problems.push({ file: ind.file, path: `${at}.bands`, message: `missing the band for scenario "${id}"` });
    }
    for (const id of Object.keys(ind.bands)) {
      if (!scenarioIds.includes(id))
        problems.push({ file: ind.file, path: `${at}.bands.${id}`, message: 'no scenario has this id' });
    }
  }

  const priorSum = c.scenarios.reduce((sum, s) => sum + s.prior, 0);
  if (Math.abs(priorSum - 1) > PRIOR_TOLERANCE) {
    problems.push({
      file: c.scenariosFile,
      path: 'scenarios[*].prior',
      message: `priors must sum to 1, they sum to ${priorSum.toFixed(3)}`
    });
  }

  const indicatorIds = new Set(c.indicators.map((i) => i.id));
  c.demoObservations.forEach((o, i) => {
    const file = c.demoFile ?? '';
    if (!indicatorIds.has(o.indicator))
      problems.push({
        file,
        path: `observations[${i}].indicator`,
        message: `no indicator "${o.indicator}" in the catalogue`
      });
    if (!documents.has(o.document))
      problems.push({
        file,
        path: `observations[${i}].document`,
        message: `"${o.document}" is not a document listed in ${topicFile}`
      });
    if (!IsoDate.safeParse(o.observedAt).success)
      problems.push({ file, path: `observations[${i}].observedAt`, message: 'is not a real calendar date' });
    else if (o.observedAt < c.topic.observableFrom) {
      problems.push({
        file,
        path: `observations[${i}].observedAt`,
        message: `is before the topic's observableFrom (${c.topic.observableFrom})`
      });
    }
  });
  if (c.demoFile) problems.push(...checkDemoObservations(c.demoObservations, c.demoFile));
  return problems;
}

/** Every scenario names one known value on every axis, and no two scenarios share a position. */
function checkPositions(c: Catalogue, topicFile: string): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const file = c.scenariosFile;
  const taken = new Map<string, string>();
  c.scenarios.forEach((s, i) => {
    const at = `scenarios[${i}].position`;
    for (const axis of c.topic.axes) {
      const value = s.position[axis.id];
      if (value === undefined)
        problems.push({ file, path: at, message: `names no value on the axis "${axis.id}" of ${topicFile}` });
      else if (!axis.values.some((v) => v.id === value)) {
        problems.push({
          file,
          path: `${at}.${axis.id}`,
          message: `"${value}" is not a value of the axis "${axis.id}" (${axis.values.map((v) => v.id).join(', ')})`
        });
      }
    }
    for (const key of Object.keys(s.position)) {
      if (!c.topic.axes.some((a) => a.id === key))
        problems.push({ file, path: `${at}.${key}`, message: `no axis "${key}" in ${topicFile}` });
    }
    const place = c.topic.axes.map((a) => `${a.id}=${s.position[a.id]}`).join(', ');
    const other = taken.get(place);
    if (other)
      problems.push({
        file,
        path: at,
        message: `same position as "${other}" (${place}): scenarios must exclude each other`
      });
    else taken.set(place, s.id);
  });
  return problems;
}

/**
 * Rules only `npm run catalogue:check` enforces (a topic under construction still loads, and the
 * Indicators Validator shows the same flags): every scenario pair separated by enough indicators.
 * Returns the problems, and, as advice, the indicators that separate no pair.
 */
export function checkSeparation(c: Catalogue): { problems: CatalogueProblem[]; idle: string[] } {
  const scenarioIds = c.scenarios.map((s) => s.id);
  const result = diagnosticity({
    scenarioIds,
    indicators: c.indicators.map((i) => ({ id: i.id, bands: scenarioIds.map((s) => i.bands[s]) }))
  });
  const index = new Map(scenarioIds.map((id, k) => [id, k]));
  const problems = result.pairs
    .filter((p) => p.flagged)
    .map((p) => ({
      file: c.scenariosFile,
      path: `scenarios[${index.get(p.a)}] × scenarios[${index.get(p.b)}]`,
      message:
        `"${p.a}" and "${p.b}" are separated (disjoint bands) by ${p.separating.length} indicator` +
        `${p.separating.length === 1 ? '' : 's'}${p.separating.length ? ` (${p.separating.join(', ')})` : ''}; ` +
        `at least ${MIN_SEPARATING_INDICATORS} are needed`
    }));
  return { problems, idle: result.indicators.filter((r) => r.separatesNoPair).map((r) => r.indicatorId) };
}
