// The weekly digest's content (METHOD §7), composed from plain data: no I/O, no clock.
import { htmlDigest } from './digest-html.js';
import { leadingOf, UNSUBSCRIBE_PLACEHOLDER, type DigestInput, type DigestSpark, type DigestWarning } from './digest-model.js';

export * from './digest-model.js';
export { escapeHtml } from './digest-html.js';

export interface ComposedDigest {
  subject: string;
  html: string;
  text: string;
  sparks: DigestSpark[];
  /** True when nothing happened in the period: the digest says so plainly. */
  quiet: boolean;
}


const pct = (p: number) => `${Math.round(p * 100)} %`;
const day = (iso: string) => iso.slice(0, 10);
const BLOCKS = '▁▂▃▄▅▆▇█';

/** A text sparkline of readings 1–5: one block per value, a dot where nothing was known. */
export function textSparkline(values: (number | null)[]): string {
  return values.map((v) => (v === null ? '·' : BLOCKS[Math.round(((v - 1) / 4) * (BLOCKS.length - 1))])).join('');
}

function textDigest(d: DigestInput, quiet: boolean): string {
  const lines: string[] = [];
  const lead = leadingOf(d.now);
  lines.push(`${d.topicTitle}: weekly digest`, `Covers ${d.coversFrom ? `${day(d.coversFrom)} to ${day(d.coversTo)}` : `everything up to ${day(d.coversTo)}`}.`, '');
  if (quiet) lines.push('No changes this period: no new or corrected observations and no warnings fired or recovered.', '');
  if (lead) lines.push(`Leading scenario: ${lead.title}, ${pct(lead.probability)} (${lead.words}).`);
  if (d.confidence) lines.push(`Analytic confidence: ${d.confidence.level} (${d.confidence.reasons.join('; ')}).`);
  lines.push('', 'SCENARIOS (now / a week ago)');
  for (const s of d.now) {
    const before = d.weekAgo?.find((w) => w.id === s.id);
    lines.push(`  ${s.title}: ${pct(s.probability)} ${s.words}${before ? ` / ${pct(before.probability)} ${before.words}` : ''}`);
  }
  const warnings = (title: string, list: DigestWarning[], count: number) => {
    lines.push('', `${title} (${count})`);
    if (list.length === 0) lines.push('  none');
    for (const w of list) lines.push(`  ${day(w.at)} ${w.kind}: ${w.cause}`, `    ${w.link}`);
  };
  warnings('WARNINGS FIRED', d.fired, d.counts.fired);
  warnings('WARNINGS RECOVERED', d.recovered, d.counts.recovered);
  lines.push('', 'NEW AND CORRECTED OBSERVATIONS');
  if (d.families.length === 0) lines.push('  none');
  for (const f of d.families) {
    lines.push('', `  ${f.title}${f.spark ? `  ${textSparkline(f.spark.values)}` : ''}`);
    for (const o of f.observations) {
      lines.push(`  - ${o.indicatorTitle}, ${o.observedAt}: level ${o.level} (${o.words}), grade ${o.grade}${o.supersedes ? `, corrects #${o.supersedes}` : ''}`);
      lines.push(`    Source: ${o.source}${o.recordedBy ? `; recorded by ${o.recordedBy}` : ''}`, `    ${o.rationale}`, `    ${o.link}`);
    }
  }
  if (d.annotations?.length) {
    lines.push('', 'NEW ANNOTATIONS');
    for (const a of d.annotations) {
      lines.push(`  - ${a.when} (${a.scope}): ${a.text}${a.corrects ? ` (corrects #${a.corrects})` : ''}`, `    Source: ${a.source}`, `    ${a.link}`);
    }
  }
  lines.push('', `STALE INDICATORS (${d.stale.length})`);
  if (d.stale.length === 0) lines.push('  none');
  for (const s of d.stale) lines.push(`  ${s.title}: last observed ${s.lastObservedAt}, cadence ${s.cadenceDays} days  ${s.link}`);
  lines.push('', `Open Watchfloor: ${d.appUrl}`, `Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`);
  return lines.join('\n');
}

/**
 * Composes the digest: subject, an HTML part (tables and inline styles for mail clients, no
 * scripts, trend images by content id) and a plain-text part with the same content.
 */
export function composeDigest(d: DigestInput): ComposedDigest {
  const quiet = d.counts.fired === 0 && d.counts.recovered === 0 && d.families.length === 0 && !d.annotations?.length;
  const lead = leadingOf(d.now);
  const subject = `Watchfloor weekly digest, ${day(d.coversTo)}: ${
    quiet ? 'no changes' : `${d.families.reduce((n, f) => n + f.observations.length, 0)} observations, ${d.counts.fired} warnings`
  }${lead ? `; leading: ${lead.title} (${pct(lead.probability)})` : ''}`;
  return {
    subject,
    html: htmlDigest(d, quiet, subject),
    text: textDigest(d, quiet),
    sparks: d.families.flatMap((f) => (f.spark ? [f.spark] : [])),
    quiet
  };
}

