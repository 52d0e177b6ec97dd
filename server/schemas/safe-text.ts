// Characters no text field of Watchfloor may hold. Shared by the API's request hook and by
// parsers of raw text bodies (a CSV import checks each cell with the same function).
//
// Refused: NUL and the other C0 controls except tab and line feed; a carriage return unless it
// begins a CRLF pair (a lone CR ends a line for some readers and not others, so text could look
// one way on screen and another in a CSV or a mail header; CRLF is what browsers submit for a
// form's textarea); DEL; and the bidirectional embeddings, overrides and isolates U+202A–U+202E,
// U+2066–U+2069, which can make text display in an order other than the stored one
// ("Trojan Source"). Other characters, every script and emoji included, are fine.
// eslint-disable-next-line no-control-regex -- refusing control characters is what this pattern is for
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** null when `value` is fine, else a message such as `contains a control character (U+0000)`. */
export function unsafeTextProblem(value: string): string | null {
  const found = UNSAFE.exec(value);
  if (!found) return null;
  const ch = found[0];
  if (ch === '\r') return 'contains a carriage return (U+000D) that is not part of a CRLF line break';
  if (/[\u202A-\u202E\u2066-\u2069]/.test(ch))
    return `contains a bidirectional text control character (${codePoint(ch)})`;
  return `contains a control character (${codePoint(ch)})`;
}
