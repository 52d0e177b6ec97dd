import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURE_CATALOGUE = resolve(import.meta.dirname, '../fixtures/catalogue');
export const REAL_CATALOGUE = resolve(import.meta.dirname, '../../indicators/isk');

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix = 'watchfloor-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A writable copy of the fixture catalogue, to edit one file and see what the loader says. */
export function copyOfFixtureCatalogue(into: string): {
  dir: string;
  edit: (file: string, change: (text: string) => string) => void;
  remove: (file: string) => void;
} {
  const dir = join(into, 'catalogue');
  cpSync(FIXTURE_CATALOGUE, dir, { recursive: true });
  return {
    dir,
    edit: (file, change) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8'))),
    remove: (file) => rmSync(join(dir, file))
  };
}
