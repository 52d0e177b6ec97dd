// Admiralty (NATO) grading words, README, Method: Grading. Kept here rather than imported from the server so the
// browser bundle never reaches into server code.
import type { Reliability, SourceKind } from '$shared/index.js';

export const RELIABILITY: ReadonlyArray<{ grade: Reliability; words: string }> = [
  { grade: 'A', words: 'completely reliable' },
  { grade: 'B', words: 'usually reliable' },
  { grade: 'C', words: 'fairly reliable' },
  { grade: 'D', words: 'not usually reliable' },
  { grade: 'E', words: 'unreliable' },
  { grade: 'F', words: 'cannot be judged' }
];

export const CREDIBILITY: ReadonlyArray<{ grade: number; words: string }> = [
  { grade: 1, words: 'confirmed by independent sources' },
  { grade: 2, words: 'probably true' },
  { grade: 3, words: 'possibly true' },
  { grade: 4, words: 'doubtful' },
  { grade: 5, words: 'improbable' },
  { grade: 6, words: 'cannot be judged' }
];

/** "usually reliable · probably true" for a B2. */
export function gradeWords(reliability: string, credibility: number): string {
  const r = RELIABILITY.find((x) => x.grade === reliability)?.words ?? 'unknown reliability';
  const c = CREDIBILITY.find((x) => x.grade === credibility)?.words ?? 'unknown credibility';
  return `${r} · ${c}`;
}

/** The kinds of source the API accepts (server/schemas/source.ts), repeated so the browser ships no zod. */
export const SOURCE_KINDS: ReadonlyArray<SourceKind> = [
  'document',
  'official',
  'media',
  'research',
  'human',
  'social-media',
  'other'
];
