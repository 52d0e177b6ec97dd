// Small wordings both digest renderings share.
import { totalFired, type DigestInput } from './digest-model.js';

export const pct = (p: number) => `${Math.round(p * 100)} %`;
export const day = (iso: string) => iso.slice(0, 10);
/** A change in percentage points, with its sign ("+3", "−2", "0"). */
export const signed = (delta: number) => {
  const points = Math.round(delta * 100);
  return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0';
};

export const covers = (d: DigestInput) =>
  d.coversFrom ? `${day(d.coversFrom)} to ${day(d.coversTo)}` : `everything up to ${day(d.coversTo)}`;

export const isQuiet = (d: DigestInput) =>
  totalFired(d) === 0 && d.counts.recovered === 0 && d.observationCount === 0 && !d.annotations?.length;

/** New annotations listed in full; the rest are counted and linked, so the digest stays short. */
export const ANNOTATION_LIMIT = 3;
/** An annotation is a pointer to an event, so its digest line is short; the app has the full text. */
export const ANNOTATION_CHARS = 70;

/** The warnings not listed, as counts: "12 staleness and 5 novelty fired; 38 recovered". */
export function otherWarnings(d: DigestInput): string {
  const others = Object.entries(d.counts.fired)
    .filter(([kind, n]) => kind !== 'tripwire' && kind !== 'shift' && n > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${n} ${kind}`);
  return `${others.length ? `${others.join(' and ')} fired` : 'none other fired'}; ${d.counts.recovered} recovered`;
}

/** Long free text cut at a word boundary so ten observations stay short; the full text is a link away. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
/** How long a source title and a rationale may run in the digest. */
export const SOURCE_CHARS = 60;
export const RATIONALE_CHARS = 140;
