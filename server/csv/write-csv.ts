import { stringify } from 'csv-stringify/sync';

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => unknown;
}

/** Objects and arrays go out as JSON text; null and undefined as empty cells. */
function cell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * Every CSV the app writes goes through here: RFC 4180 quoting (CRLF records) by csv-stringify,
 * and text cells that begin with = + - @, tab or CR prefixed with ' so a spreadsheet shows them
 * as text instead of running them as formulas (OWASP "CSV injection"). Numbers stay numbers.
 */
export function writeCsv<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  const records: (string | number | boolean)[][] = [];
  for (const row of rows) records.push(columns.map((c) => cell(c.value(row))));
  return stringify(records, {
    header: true,
    columns: columns.map((c) => c.header),
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (b) => (b ? 'true' : 'false') }
  });
}
