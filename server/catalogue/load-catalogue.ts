import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import {
  DemoObservationsFile,
  FamilyFile,
  ScenariosFile,
  TopicFile,
  type DemoObservationFile,
  type FamilyFile as Family,
  type IndicatorFile,
  type ScenarioFile,
  type TopicFile as Topic
} from '../../indicators/schema.js';
import { CatalogueError, formatPath, type CatalogueProblem } from './catalogue-error.js';
import { checkCatalogue } from './check-catalogue.js';

export interface CatalogueIndicator extends IndicatorFile {
  familyId: string;
  file: string;
  /** Position of the indicator inside its file, for error paths. */
  index: number;
}

export interface Catalogue {
  dir: string;
  topic: Topic;
  families: (Omit<Family, 'indicators'> & { file: string })[];
  indicators: CatalogueIndicator[];
  scenarios: ScenarioFile[];
  scenariosFile: string;
  demoObservations: DemoObservationFile[];
  demoFile: string | null;
}

/** Parses one YAML file against its schema, adding each problem (with file and path) to `problems`. */
function readFile<S extends z.ZodType>(file: string, schema: S, problems: CatalogueProblem[]) {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? `line ${err.linePos[0].line}` : '';
    problems.push({ file, path: where, message: err instanceof Error ? err.message.split('\n')[0] : String(err) });
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, path: formatPath(issue.path), message: issue.message });
    }
    return undefined;
  }
  return result.data as z.infer<S>;
}

/**
 * Reads and validates a topic folder (see indicators/schema.ts for its files). Nothing is
 * returned unless every file is valid and the files agree with each other.
 */
export function loadCatalogue(dir: string): Catalogue {
  const problems: CatalogueProblem[] = [];
  const topicFile = join(dir, 'topic.yaml');
  const familiesDir = join(dir, 'families');
  const scenariosFile = join(dir, 'scenarios.yaml');
  const demoFile = join(dir, 'demo-observations.yaml');

  for (const required of [topicFile, familiesDir, scenariosFile]) {
    if (!existsSync(required)) problems.push({ file: required, path: '', message: 'is missing' });
  }
  if (problems.length) throw new CatalogueError(problems);

  const topic = readFile(topicFile, TopicFile, problems);
  const familyFiles = readdirSync(familiesDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(familiesDir, f));
  if (familyFiles.length === 0) problems.push({ file: familiesDir, path: '', message: 'holds no family files' });
  const families = familyFiles.map((file) => ({ file, data: readFile(file, FamilyFile, problems) }));
  const scenarios = readFile(scenariosFile, ScenariosFile, problems);
  const hasDemo = existsSync(demoFile);
  const demo = hasDemo ? readFile(demoFile, DemoObservationsFile, problems) : { observations: [] };
  if (problems.length || !topic || !scenarios || !demo) throw new CatalogueError(problems);

  const catalogue: Catalogue = {
    dir,
    topic,
    families: [],
    indicators: [],
    scenarios: scenarios.scenarios,
    scenariosFile,
    demoObservations: demo.observations,
    demoFile: hasDemo ? demoFile : null
  };
  for (const { file, data } of families) {
    if (!data) continue;
    const { indicators, ...family } = data;
    catalogue.families.push({ ...family, file });
    indicators.forEach((ind, index) => catalogue.indicators.push({ ...ind, familyId: family.id, file, index }));
  }
  const crossProblems = checkCatalogue(catalogue, topicFile);
  if (crossProblems.length) throw new CatalogueError(crossProblems);
  return catalogue;
}
