import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Store } from '../db/store.js';
import { AnnotationInput } from '../schemas/index.js';
import { createAnnotation } from '../services/annotations.js';
import { CatalogueError, formatPath, type CatalogueProblem } from './catalogue-error.js';
import type { Catalogue } from './load-catalogue.js';

/** An entry of `demo-annotations.yaml`: an annotation whose source is a passage of a topic document. */
const DemoAnnotation = z
  .object({
    startsOn: z.string(),
    endsOn: z.string().optional(),
    text: z.string(),
    scope: z.string(),
    familyId: z.string().optional(),
    indicatorId: z.string().optional(),
    document: z.string().min(1),
    section: z.string().min(1).max(200)
  })
  .strict();
const DemoAnnotationsFile = z.object({ annotations: z.array(DemoAnnotation) }).strict();

export type DemoAnnotation = AnnotationInput;

/**
 * Reads the topic's optional `demo-annotations.yaml`, checked like the rest of the catalogue
 * (before the database is opened): each entry is a valid annotation naming a document of the
 * topic and, for its scope, a family or indicator of the catalogue.
 */
export function loadDemoAnnotations(catalogue: Catalogue): DemoAnnotation[] {
  const file = join(catalogue.dir, 'demo-annotations.yaml');
  if (!existsSync(file)) return [];
  const problems: CatalogueProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ file, path: formatPath(path), message });
  const parsed = DemoAnnotationsFile.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    parsed.error.issues.forEach((i) => add(i.path as (string | number)[], i.message));
    throw new CatalogueError(problems);
  }
  const documents = new Map(catalogue.topic.documents.map((d) => [d.file, d]));
  const families = new Set(catalogue.families.map((f) => f.id));
  const indicators = new Set(catalogue.indicators.map((i) => i.id));
  const annotations = parsed.data.annotations.map(({ document, section, ...entry }, k) => {
    const doc = documents.get(document);
    if (!doc) add(['annotations', k, 'document'], `no document "${document}" in topic.yaml`);
    const input = AnnotationInput.safeParse({
      ...entry,
      source: `${doc?.title ?? document} [${document}], ${section}`
    });
    if (!input.success)
      input.error.issues.forEach((i) => add(['annotations', k, ...(i.path as (string | number)[])], i.message));
    if (entry.familyId && !families.has(entry.familyId))
      add(['annotations', k, 'familyId'], `no family "${entry.familyId}"`);
    if (entry.indicatorId && !indicators.has(entry.indicatorId))
      add(['annotations', k, 'indicatorId'], `no indicator "${entry.indicatorId}"`);
    return input.success ? input.data : null;
  });
  if (problems.length) throw new CatalogueError(problems);
  return annotations as DemoAnnotation[];
}

/** Loads them as demonstration annotations, only into a database that has none. */
export function seedDemoAnnotations(store: Store, annotations: DemoAnnotation[], now: Date): number {
  if (annotations.length === 0 || store.annotations.count() > 0) return 0;
  const who = { now, actor: 'system:demo', userId: null };
  store.db.transaction(() => annotations.forEach((a) => createAnnotation(store, a, who, { demo: true })))();
  return annotations.length;
}
