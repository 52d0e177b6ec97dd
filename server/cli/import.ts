// `npm run import -- <file.csv|file.json> [--dry-run]`: imports observations into WATCHFLOOR_DB with
// the same checks as POST /api/import/observations, showing progress on a terminal.
import { SingleBar } from 'cli-progress';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runEvaluateWarnings } from '../jobs/evaluate-warnings.js';
import { IMPORT_BODY_LIMIT } from '../routes/import.js';
import type { ImportReport } from '../schemas/index.js';
import { importObservations, type ImportFile } from '../services/import-observations.js';
import { readCsvImportFile, readJsonImportFile } from '../services/read-import-file.js';
import { runCli, withStore } from './cli-store.js';

const USAGE = 'usage: npm run import -- <file.csv|file.json> [--dry-run]';

// On a terminal the bar redraws in place on stderr; piped or redirected, it stays silent.
const bar = new SingleBar({
  stream: process.stderr,
  format: '{phase} [{bar}] {percentage}% {value}/{total} {unit}',
  hideCursor: true,
  clearOnComplete: true
});

async function readFile(path: string): Promise<ImportFile> {
  if (extname(path).toLowerCase() === '.json') {
    const rows: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!Array.isArray(rows)) throw new Error(`${path}: must be a JSON array of rows`);
    return readJsonImportFile(rows);
  }
  const size = statSync(path).size;
  bar.start(size, 0, { phase: 'reading ', unit: 'bytes' });
  const input = createReadStream(path);
  input.on('data', (chunk) => bar.increment(chunk.length));
  // The command line has no request body limit; the file's own size is the limit.
  const file = await readCsvImportFile(input, Math.max(size, IMPORT_BODY_LIMIT));
  bar.stop();
  return file;
}

function describe(report: ImportReport, path: string): string {
  const lines = [
    `${path}: ${report.rows} rows, ${report.accepted} accepted, ${report.duplicates} duplicates, ${report.rejected.length} problem(s)`,
    ...report.rejected.map((r) => `  line ${r.line}${r.field ? `, ${r.field}` : ''}: ${r.message}`)
  ];
  if (report.newSources.length) lines.push(`New sources: ${report.newSources.join('; ')}`);
  if (report.dryRun) lines.push('Dry run: nothing was written.');
  else if (report.rejected.length) lines.push('Nothing was imported: fix the rows above and run again.');
  else lines.push(`Imported ${report.imported} observation(s).`);
  return lines.join('\n');
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' } } });
  if (positionals.length !== 1) throw new Error(USAGE);
  // npm runs scripts from the project folder; a relative path means where the command was typed.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]);
  const file = await readFile(path);
  await withStore((store) => {
    const report = importObservations(store, file, {
      dryRun: values['dry-run'] ?? false,
      now: new Date(),
      actor: `cli:${process.env.USER ?? 'shell'}`,
      userId: null,
      onProgress(phase, done, total) {
        if (done === 0) bar.start(total, 0, { phase: phase.padEnd(8), unit: 'rows' });
        bar.update(done);
        if (done === total) bar.stop();
      }
    });
    bar.stop();
    if (report.imported > 0) runEvaluateWarnings({ store, clock: () => new Date() });
    console.log(describe(report, path));
    if (report.rejected.length) process.exitCode = 1;
  });
}

runCli(main, () => bar.stop());
