import { relative } from 'node:path';

/** Paths inside the project read best relative to it; others stay absolute. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export interface CatalogueProblem {
  file: string;
  /** Path of the bad field inside the file, e.g. `indicators[2].levels[4]`; empty for the whole file. */
  path: string;
  message: string;
}

/** `indicators[2].levels` from zod's ['indicators', 2, 'levels']. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** A catalogue that cannot be loaded: every problem names its file and field. */
export class CatalogueError extends Error {
  constructor(readonly problems: CatalogueProblem[]) {
    super(
      `The catalogue is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${displayPath(p.file)}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n')
    );
    this.name = 'CatalogueError';
  }
}
