import type { Actor } from '../actor.js';
import { runEvaluateWarnings } from '../jobs/evaluate-warnings.js';
import { refreshAssessment } from './assessment-upkeep.js';
import type { Store } from '../db/store.js';
import type { ImportedObservation } from '../db/import-repository.js';
import type { ImportRejection, ImportReport, Reliability } from '../schemas/index.js';
import type { ImportCandidate } from './import-rows.js';

/** What the file gave: its data-row count, the rows that passed the row checks, and the rest. */
export interface ImportFile {
  rows: number;
  candidates: ImportCandidate[];
  rejected: ImportRejection[];
}

export interface ImportOptions extends Actor {
  dryRun: boolean;
  /** Called now and then while rows are checked and written (the command line's progress bar). */
  onProgress?: (phase: 'checking' | 'writing', done: number, total: number) => void;
}

type SourceRef = { id: number } | { title: string };
interface Planned {
  line: number;
  reading: Omit<ImportedObservation, 'sourceId'>;
  source: SourceRef;
}

interface Plan {
  planned: Planned[];
  duplicates: number;
  rejected: ImportRejection[];
  /** Titles to create, with the reliability of the first row citing each. */
  newSources: Map<string, Reliability>;
}

const PROGRESS_EVERY = 2000;

/** The checks that need the database: indicator, date, source; then duplicates, stored or repeated. */
function plan(store: Store, file: ImportFile, options: ImportOptions): Plan {
  const indicators = store.imports.indicatorStates();
  const titles = store.imports.sourceIdsByTitle();
  const sourceIds = store.imports.sourceIds();
  const today = options.now.toISOString().slice(0, 10);
  const observableFrom = store.catalogue.assessmentSettings()?.observableFrom ?? null;
  const result: Plan = { planned: [], duplicates: 0, rejected: [...file.rejected], newSources: new Map() };
  const seen = new Set<string>();
  file.candidates.forEach(({ line, row }, i) => {
    if (i % PROGRESS_EVERY === 0) options.onProgress?.('checking', i, file.candidates.length);
    const problems: ImportRejection[] = [];
    const retiredAt = indicators.get(row.indicatorId);
    if (retiredAt === undefined)
      problems.push({ line, field: 'indicatorId', message: `no indicator "${row.indicatorId}" in the catalogue` });
    else if (retiredAt)
      problems.push({ line, field: 'indicatorId', message: `indicator "${row.indicatorId}" is retired` });
    if (row.observedAt > today) problems.push({ line, field: 'observedAt', message: 'must not be in the future' });
    if (observableFrom && row.observedAt < observableFrom) {
      problems.push({
        line,
        field: 'observedAt',
        message: `must not be before ${observableFrom}, the earliest date this topic observes`
      });
    }
    let source: SourceRef;
    if (typeof row.source === 'number') {
      if (!sourceIds.has(row.source)) problems.push({ line, field: 'source', message: `no source #${row.source}` });
      source = { id: row.source };
    } else {
      const known = titles.get(row.source);
      source = known === undefined ? { title: row.source } : { id: known };
    }
    if (problems.length) return void result.rejected.push(...problems);
    const sourceKey = 'id' in source ? `#${source.id}` : `new:${source.title}`;
    const key = JSON.stringify([row.indicatorId, row.observedAt, row.level, sourceKey]);
    const stored = 'id' in source && store.imports.hasReading(row.indicatorId, row.observedAt, row.level, source.id);
    if (stored || seen.has(key)) return void result.duplicates++;
    seen.add(key);
    if ('title' in source && !result.newSources.has(source.title)) result.newSources.set(source.title, row.reliability);
    const { source: _named, quantity, ...reading } = row;
    result.planned.push({ line, reading: { ...reading, quantity: quantity ?? null }, source });
  });
  options.onProgress?.('checking', file.candidates.length, file.candidates.length);
  result.rejected.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
  return result;
}

/** Each indicator the import touches, with its earliest new date: where the assessment must be redone from. */
function earliestDates(p: Plan): Map<string, string> {
  const from = new Map<string, string>();
  for (const { reading } of p.planned) {
    const seen = from.get(reading.indicatorId);
    if (!seen || reading.observedAt < seen) from.set(reading.indicatorId, reading.observedAt);
  }
  return from;
}

/** Creates the new sources and inserts every planned row, then one audit entry for the whole import. */
function write(store: Store, p: Plan, file: ImportFile, options: ImportOptions): number {
  const at = options.now.toISOString();
  const created = new Map<string, number>();
  for (const [title, reliability] of p.newSources)
    created.set(title, store.imports.createSource(title, reliability, at, options.actor));
  const ids: number[] = [];
  p.planned.forEach(({ reading, source }, i) => {
    if (i % PROGRESS_EVERY === 0) options.onProgress?.('writing', i, p.planned.length);
    const sourceId = 'id' in source ? source.id : created.get(source.title)!;
    ids.push(store.imports.insertObservation({ ...reading, sourceId }, at, options.userId ?? null));
  });
  options.onProgress?.('writing', p.planned.length, p.planned.length);
  refreshAssessment(store, earliestDates(p));
  store.audit.append(
    {
      actor: options.actor,
      action: 'observation.import',
      entity: 'observation',
      entityId: ids.length ? `${ids[0]}-${ids.at(-1)}` : null,
      after: {
        rows: file.rows,
        imported: ids.length,
        duplicates: p.duplicates,
        firstId: ids[0] ?? null,
        lastId: ids.at(-1) ?? null,
        newSources: [...created].map(([title, id]) => ({ id, title }))
      }
    },
    options.now
  );
  return ids.length;
}

/**
 * Imports a checked file: all or nothing. A dry run, or a file with any rejected row, writes
 * nothing and reports; otherwise every new row is written in one transaction (taken at once, so
 * no other writer slips between the checks and the inserts) with one audit entry.
 */
export function importObservations(store: Store, file: ImportFile, options: ImportOptions): ImportReport {
  const run = (): ImportReport => {
    const p = plan(store, file, options);
    const writes = !options.dryRun && p.rejected.length === 0;
    const imported = writes ? write(store, p, file, options) : 0;
    return {
      dryRun: options.dryRun,
      rows: file.rows,
      accepted: p.planned.length,
      duplicates: p.duplicates,
      rejected: p.rejected,
      newSources: [...p.newSources.keys()],
      imported
    };
  };
  return options.dryRun ? run() : store.db.transaction(run).immediate();
}

/**
 * Imports, then brings the warnings up to date once for the whole file, as after a single
 * observation. The import stands whatever the evaluation finds; its failure is returned to log.
 */
export function importAndEvaluate(
  store: Store,
  file: ImportFile,
  options: ImportOptions
): { report: ImportReport; warningsError: unknown } {
  const report = importObservations(store, file, options);
  if (report.imported === 0) return { report, warningsError: null };
  try {
    runEvaluateWarnings({ store, clock: () => options.now });
    return { report, warningsError: null };
  } catch (err) {
    return { report, warningsError: err };
  }
}
