import type { Readable } from 'node:stream';
import { readImportCsv } from '../csv/read-import-csv.js';
import { InputError } from '../errors.js';
import type { ImportRejection } from '../schemas/index.js';
import { checkCsvRecord, checkRow, type ImportCandidate, type RowCheck } from './import-rows.js';
import type { ImportFile } from './import-observations.js';

function collect(): ImportFile & { add(check: RowCheck): void; finish(): ImportFile } {
  const file = {
    rows: 0,
    candidates: [] as ImportCandidate[],
    rejected: [] as ImportRejection[],
    add(check: RowCheck) {
      file.rows++;
      if (check.ok) file.candidates.push(check.candidate);
      else file.rejected.push(...check.rejected);
    },
    finish(): ImportFile {
      if (file.rows === 0 && file.rejected.length === 0)
        file.rejected.push({ line: 1, field: '', message: 'the file has no rows to import' });
      return { rows: file.rows, candidates: file.candidates, rejected: file.rejected };
    }
  };
  return file;
}

/** An import CSV, parsed as it arrives and checked row by row (`line`: the file's line, header 1). */
export async function readCsvImportFile(
  input: Readable,
  byteLimit: number,
  onRow?: (rows: number) => void
): Promise<ImportFile> {
  const file = collect();
  const fileProblems: ImportRejection[] = [];
  const records = readImportCsv(input, {
    byteLimit,
    onHeader: (p) => fileProblems.push(...p),
    onBroken: (r) => fileProblems.push(r)
  });
  for await (const record of records) {
    // With a bad header no row can be read right: report the header alone.
    if (fileProblems.length) continue;
    file.add(checkCsvRecord(record));
    if (onRow && file.rows % 5000 === 0) onRow(file.rows);
  }
  file.rejected.unshift(...fileProblems);
  return file.finish();
}

/** An import JSON array, checked element by element (`line`: the element's position, from 1). */
export function readJsonImportFile(rows: unknown[]): ImportFile {
  const file = collect();
  rows.forEach((row, i) => file.add(checkRow(row, i + 1)));
  return file.finish();
}

/** A request body as an import file: a CSV stream (text/csv) or a JSON array of rows. */
export async function readImportBody(
  body: unknown,
  contentType: string | undefined,
  byteLimit: number
): Promise<ImportFile> {
  const isCsv = contentType?.split(';')[0].trim().toLowerCase() === 'text/csv';
  if (!isCsv && !Array.isArray(body))
    throw new InputError(400, 'body', 'must be a CSV file (text/csv) or a JSON array of rows');
  return isCsv ? readCsvImportFile(body as Readable, byteLimit) : readJsonImportFile(body as unknown[]);
}
