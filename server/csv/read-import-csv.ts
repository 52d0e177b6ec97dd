import { parse, type CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { IMPORT_COLUMNS } from '../schemas/import.js';
import type { ImportRejection } from '../schemas/import.js';

/** A data record of an import file: its first line in the file and its cells by column. */
export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
  /** How many cells the record has, against the header's count (a stray comma shows here). */
  width: number;
  headerWidth: number;
}

/** Thrown when the file is larger than the import accepts (answered 413). */
export class TooLargeError extends Error {
  readonly statusCode = 413;
  constructor(limit: number) {
    super(`the file is larger than ${Math.round(limit / 1024 / 1024)} MB`);
  }
}

const BREAKS = /\r\n|\r|\n/g;
const LEADING_BREAKS = /^[\r\n]*/;

/** Header problems, reported as rejections of line 1: a missing column, an unknown or repeated one. */
export function headerProblems(header: string[]): ImportRejection[] {
  const known = new Set<string>(IMPORT_COLUMNS);
  const problems: ImportRejection[] = [];
  for (const column of IMPORT_COLUMNS) {
    if (!header.includes(column))
      problems.push({ line: 1, field: column, message: `the header lacks the column "${column}"` });
  }
  header.forEach((column, i) => {
    if (!known.has(column))
      problems.push({
        line: 1,
        field: column,
        message: `unknown column "${column}" (expected ${IMPORT_COLUMNS.join(',')})`
      });
    else if (header.indexOf(column) !== i)
      problems.push({ line: 1, field: column, message: `the column "${column}" appears twice` });
  });
  return problems;
}

/**
 * Reads an import CSV as it arrives (csv-parse, streaming), stopping past `byteLimit`.
 * Yields records with the line each begins on (a quoted cell may span lines); calls
 * `onHeader` with the header's problems; a file csv-parse cannot read ends with `onBroken`.
 */
export async function* readImportCsv(
  input: Readable,
  {
    byteLimit,
    onHeader,
    onBroken
  }: { byteLimit: number; onHeader: (p: ImportRejection[]) => void; onBroken: (r: ImportRejection) => void }
): AsyncGenerator<CsvRecord> {
  let bytes = 0;
  input.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > byteLimit) input.destroy(new TooLargeError(byteLimit));
  });
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true, raw: true });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let header: string[] | null = null;
  let broken = false;
  // Lines read so far, counted from each record's raw text (which begins with the empty lines
  // skipped before it): csv-parse's own count drifts on CRLF line breaks inside quoted cells.
  let linesRead = 0;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const line = linesRead + LEADING_BREAKS.exec(raw)![0].replace(/\r\n/g, '\n').length + 1;
      linesRead += (raw.match(BREAKS) ?? []).length;
      if (!header) {
        header = record.map((h) => h.trim());
        onHeader(headerProblems(header));
        continue;
      }
      const cells: Record<string, string> = {};
      header.forEach((column, i) => (cells[column] = record[i] ?? ''));
      yield { line, cells, width: record.length, headerWidth: header.length };
    }
  } catch (err) {
    if (err instanceof TooLargeError) throw err;
    const csv = err as CsvError & { lines?: number };
    broken = true;
    onBroken({ line: csv.lines ?? 0, field: '', message: `the file cannot be read as CSV: ${csv.message}` });
  }
  // The stream may end before its 'error' reaches the parser: the count decides.
  if (bytes > byteLimit) throw new TooLargeError(byteLimit);
  if (!header && !broken)
    onHeader([{ line: 1, field: '', message: `the file is empty: it needs the header ${IMPORT_COLUMNS.join(',')}` }]);
}
