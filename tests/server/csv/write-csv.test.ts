import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../server/csv/write-csv.js';

const columns = [
  { header: 'name', value: (r: { name: string; n: number | null }) => r.name },
  { header: 'n', value: (r: { name: string; n: number | null }) => r.n }
];

describe('writeCsv', () => {
  it('quotes commas, quotes and line breaks, and ends every record with CRLF', () => {
    const text = writeCsv(columns, [{ name: 'a, "b"\nc', n: 1 }]);
    expect(text).toBe('name,n\r\n"a, ""b""\nc",1\r\n');
  });

  it.each(['=HYPERLINK("http://evil.example/")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises a cell that a spreadsheet would run as a formula: %j',
    (name) => {
      const [, row] = parse(writeCsv(columns, [{ name, n: -5 }]), { relax_quotes: true }) as string[][];
      expect(row[0]).toBe(`'${name}`);
      expect(row[1]).toBe('-5');
    }
  );

  it('writes empty cells for missing values and JSON for objects', () => {
    const text = writeCsv([{ header: 'o', value: (r: { o: unknown }) => r.o }], [{ o: null }, { o: { a: 1 } }]);
    expect(text).toBe('o\r\n\r\n"{""a"":1}"\r\n');
  });
});
