// The weekly digest's content (README: The weekly digest), composed from plain data: no I/O, no clock.
// It reads in two minutes: the scenario picture and what moved it, then tripwires and shifts,
// staleness counted per family, and the few observations that matter most.
import {
  alertCount,
  leadingOf,
  totalFired,
  totalStale,
  UNSUBSCRIBE_PLACEHOLDER,
  type DigestInput,
  type DigestSpark
} from './digest-model.js';
import {
  ANNOTATION_CHARS,
  ANNOTATION_LIMIT,
  clip,
  covers,
  day,
  isQuiet,
  otherWarnings,
  pct,
  RATIONALE_CHARS,
  signed,
  SOURCE_CHARS
} from './digest-words.js';

export * from './digest-model.js';

/** The digest apart from its HTML part, which is presentation (server/mail/digest-html.ts renders it). */
export interface ComposedDigest {
  subject: string;
  text: string;
  sparks: DigestSpark[];
  /** True when nothing happened in the period: the digest says so plainly. */
  quiet: boolean;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A text sparkline of readings 1–5: one block per value, a dot where nothing was known. */
export function textSparkline(values: (number | null)[]): string {
  return values.map((v) => (v === null ? '·' : BLOCKS[Math.round(((v - 1) / 4) * (BLOCKS.length - 1))])).join('');
}

function textPicture(d: DigestInput, lines: string[]) {
  const lead = leadingOf(d.now);
  if (lead) lines.push(`Leading scenario: ${lead.title}, ${pct(lead.probability)} (${lead.words}).`);
  if (d.confidence) lines.push(`Analytic confidence: ${d.confidence.level} (${d.confidence.reasons.join('; ')}).`);
  lines.push('', 'SCENARIOS (now / a week ago / change in points)');
  for (const s of d.now) {
    const before = d.weekAgo?.find((w) => w.id === s.id);
    lines.push(
      `  ${s.title}: ${pct(s.probability)} ${s.words}${before ? ` / ${pct(before.probability)} / ${signed(s.probability - before.probability)}` : ''}`
    );
  }
  const m = d.moved;
  lines.push('', m ? `WHAT MOVED IT (the seven days to ${m.weekEnd})` : 'WHAT MOVED IT');
  if (!m) lines.push('  No evidence yet.');
  else if (!m.latest) lines.push(`  Nothing new in the last seven days; the latest readings, to ${m.weekEnd}, were:`);
  for (const r of m?.drivers ?? []) {
    lines.push(`  - ${r.indicatorTitle}, ${r.observedAt}: level ${r.level}, favours ${r.favours} over ${r.disfavours}`);
  }
  if (m && m.more > 0) lines.push(`  and ${m.more} more ${m.more === 1 ? 'reading' : 'readings'}`);
  if (m) lines.push(`  ${d.appUrl}/scenarios`);
}

function textWarnings(d: DigestInput, lines: string[]) {
  lines.push('', `TRIPWIRES AND SHIFTS (${alertCount(d)})`);
  if (d.alerts.length === 0) lines.push('  none fired');
  for (const w of d.alerts) lines.push(`  ${day(w.at)} ${w.kind}: ${w.cause}  ${w.link}`);
  if (alertCount(d) > d.alerts.length)
    lines.push(`  and ${alertCount(d) - d.alerts.length} more: ${d.appUrl}/warnings`);
  lines.push(`  Other warnings: ${otherWarnings(d)}. ${d.appUrl}/warnings`);
  lines.push('', `STALE INDICATORS (${totalStale(d)}, per family)`);
  if (d.stale.length === 0) lines.push('  none: every indicator is current');
  for (const f of d.stale) lines.push(`  ${f.title}: ${f.stale} of ${f.of}`);
  if (d.stale.length > 0) lines.push(`  By family: ${d.appUrl}/warnings`);
}

function textObservations(d: DigestInput, lines: string[]) {
  const shown = d.families.reduce((n, f) => n + f.observations.length, 0);
  lines.push(
    '',
    `NEW AND CORRECTED OBSERVATIONS (${shown < d.observationCount ? `the ${shown} that matter most of ${d.observationCount}` : d.observationCount})`
  );
  if (d.families.length === 0) lines.push('  none');
  for (const f of d.families) {
    lines.push('', `  ${f.title}${f.spark ? `  ${textSparkline(f.spark.values)}` : ''}`);
    for (const o of f.observations) {
      lines.push(
        `  - ${o.indicatorTitle}, ${o.observedAt}: level ${o.level}, grade ${o.grade}${o.supersedes ? `, corrects #${o.supersedes}` : ''}  ${o.link}`
      );
      lines.push(
        `    ${clip(o.rationale, RATIONALE_CHARS)}`,
        `    Source: ${clip(o.source, SOURCE_CHARS)}${o.recordedBy ? `; recorded by ${o.recordedBy}` : ''}`
      );
    }
  }
  if (shown < d.observationCount) lines.push('', `  and ${d.observationCount - shown} more: ${d.appUrl}`);
}

function textAnnotations(d: DigestInput, lines: string[]) {
  if (!d.annotations?.length) return;
  lines.push('', `NEW ANNOTATIONS (${d.annotations.length})`);
  for (const a of d.annotations.slice(0, ANNOTATION_LIMIT)) {
    lines.push(
      `  - ${a.when} (${a.scope}): ${clip(a.text, ANNOTATION_CHARS)}${a.corrects ? ` (corrects #${a.corrects})` : ''}`
    );
  }
  if (d.annotations.length > ANNOTATION_LIMIT)
    lines.push(`  and ${d.annotations.length - ANNOTATION_LIMIT} more: ${d.appUrl}`);
}

function textDigest(d: DigestInput, quiet: boolean): string {
  const lines = [`${d.topicTitle}: weekly digest`, `Covers ${covers(d)}.`, ''];
  if (quiet)
    lines.push('No changes this period: no new or corrected observations and no warnings fired or recovered.', '');
  textPicture(d, lines);
  textWarnings(d, lines);
  textObservations(d, lines);
  textAnnotations(d, lines);
  lines.push('', `Open Watchfloor: ${d.appUrl}`, `Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`);
  return lines.join('\n');
}

/**
 * Composes the digest: subject, the plain-text part, and the trend images (by content id) that
 * the HTML part shows.
 */
export function composeDigest(d: DigestInput): ComposedDigest {
  const quiet = isQuiet(d);
  const lead = leadingOf(d.now);
  const subject = `Watchfloor weekly digest, ${day(d.coversTo)}: ${
    quiet ? 'no changes' : `${d.observationCount} observations, ${totalFired(d)} warnings`
  }${lead ? `; leading: ${lead.title} (${pct(lead.probability)})` : ''}`;
  return {
    subject,
    text: textDigest(d, quiet),
    sparks: d.families.flatMap((f) => (f.spark ? [f.spark] : [])),
    quiet
  };
}
