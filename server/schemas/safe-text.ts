// Characters that have no business in analytic text and can hide or reorder what a reader sees:
// NUL and the other C0 controls (tab, CR and LF are ordinary text), DEL, and the bidirectional
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) used to disguise text ("Trojan Source").
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/u;

/** Why `value` may not be stored as text, or null when it is fine. */
export function unsafeTextProblem(value: string): string | null {
  const found = UNSAFE.exec(value);
  if (!found) return null;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `contains a control or text-direction character (U+${code}) at position ${found.index + 1}`;
}
