import type { CsvRecord } from '../csv/read-import-csv.js';
import { ImportRow, type ImportRejection } from '../schemas/import.js';
import { unsafeTextProblem } from '../schemas/safe-text.js';

export interface ImportCandidate {
  line: number;
  row: ImportRow;
}

export type RowCheck = { ok: true; candidate: ImportCandidate } | { ok: false; rejected: ImportRejection[] };

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const WHOLE = /^\s*\d+\s*$/;

/** A cell read as a number where it looks like one; otherwise left as text for zod to name the problem. */
const numeric = (cell: string) => (NUMBER.test(cell) ? Number(cell) : cell);

/** CSV cells as the JSON a form would send: numbers where numbers belong, an empty quantity absent. */
export function csvCellsToRow(cells: Record<string, string>): Record<string, unknown> {
  return {
    indicatorId: cells.indicatorId,
    observedAt: cells.observedAt?.trim(),
    level: numeric(cells.level ?? ''),
    quantity: cells.quantity?.trim() ? numeric(cells.quantity) : undefined,
    rationale: cells.rationale,
    // A cell of digits only names a source by id; anything else is a title.
    source: WHOLE.test(cells.source ?? '') ? Number(cells.source) : cells.source,
    reliability: cells.reliability?.trim(),
    credibility: numeric(cells.credibility ?? '')
  };
}

/** Every text value of the row that holds a control or text-direction character. */
function unsafeText(value: Record<string, unknown>, line: number): ImportRejection[] {
  const found: ImportRejection[] = [];
  for (const [field, v] of Object.entries(value)) {
    const problem = typeof v === 'string' ? unsafeTextProblem(v) : null;
    if (problem) found.push({ line, field, message: problem });
  }
  return found;
}

/** Checks one row against the rules of `POST /api/observations`, naming each bad field. */
export function checkRow(value: unknown, line: number): RowCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, rejected: [{ line, field: '', message: 'must be an object with the import columns' }] };
  }
  const parsed = ImportRow.safeParse(value);
  const rejected = unsafeText(value as Record<string, unknown>, line);
  if (!parsed.success) {
    const given = value as Record<string, unknown>;
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      const blank =
        given[field] === undefined || (typeof given[field] === 'string' && !(given[field] as string).trim());
      rejected.push({ line, field, message: blank ? 'is required' : issue.message });
    }
  }
  if (rejected.length || !parsed.success) return { ok: false, rejected };
  return { ok: true, candidate: { line, row: parsed.data } };
}

/** A CSV record: its width against the header's, then the row checks. */
export function checkCsvRecord(record: CsvRecord): RowCheck {
  if (record.width !== record.headerWidth) {
    const message = `has ${record.width} cells where the header has ${record.headerWidth}`;
    return { ok: false, rejected: [{ line: record.line, field: '', message }] };
  }
  return checkRow(csvCellsToRow(record.cells), record.line);
}
