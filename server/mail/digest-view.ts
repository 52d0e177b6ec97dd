// What the HTML digest shows, worded and linked, as plain props for its template (DigestMail.svelte).
import {
  alertCount,
  leadingOf,
  totalStale,
  UNSUBSCRIBE_PLACEHOLDER,
  type DigestInput
} from '../analysis/digest-model.js';
import {
  ANNOTATION_CHARS,
  ANNOTATION_LIMIT,
  clip,
  covers,
  day,
  otherWarnings,
  pct,
  RATIONALE_CHARS,
  signed,
  SOURCE_CHARS
} from '../analysis/digest-words.js';
import { safeHref } from './safe-href.js';

export interface Link {
  href: string;
  text: string;
}

const link = (href: string, text: string): Link => ({ href: safeHref(href), text });
/** "70 %" kept on one line. */
const percent = (p: number) => pct(p).replace(' ', '\u00a0');
const moreLink = (href: string, n: number, noun = '') => (n > 0 ? link(href, `and ${n} more${noun}`) : null);

export function digestView(d: DigestInput, quiet: boolean, subject: string) {
  const lead = leadingOf(d.now);
  const m = d.moved;
  const alerts = alertCount(d);
  const shown = d.families.reduce((n, f) => n + f.observations.length, 0);
  const annotations = d.annotations ?? [];
  return {
    subject,
    topicTitle: d.topicTitle,
    covers: covers(d),
    quiet,
    lead: lead && { title: lead.title, percent: percent(lead.probability), words: lead.words },
    confidence: d.confidence && { level: d.confidence.level, reasons: d.confidence.reasons.join('; ') },
    scenarios: d.now.map((s) => {
      const before = d.weekAgo?.find((w) => w.id === s.id);
      return {
        title: s.title,
        leading: s.id === lead?.id,
        now: `${percent(s.probability)} ${s.words}`,
        weekAgo: before ? percent(before.probability) : '—',
        change: before ? signed(s.probability - before.probability) : ''
      };
    }),
    movedHeading: m ? `What moved it (the seven days to ${m.weekEnd})` : 'What moved it',
    movedNote: !m
      ? 'No evidence yet.'
      : m.latest
        ? null
        : `Nothing new in the last seven days; the latest readings, to ${m.weekEnd}, were:`,
    drivers: (m?.drivers ?? []).map((r) => ({
      indicator: link(r.link, r.indicatorTitle),
      rest: `, ${r.observedAt}: level ${r.level}, favours ${r.favours} over ${r.disfavours}`
    })),
    moreDrivers:
      m && m.more > 0
        ? link(`${d.appUrl}/scenarios`, `and ${m.more} more ${m.more === 1 ? 'reading' : 'readings'}`)
        : null,
    alertsHeading: `Tripwires and shifts (${alerts})`,
    alerts: d.alerts.map((w) => ({ day: day(w.at), kind: w.kind, cause: w.cause, chart: link(w.link, 'chart') })),
    moreAlerts: moreLink(`${d.appUrl}/warnings`, alerts - d.alerts.length),
    otherWarnings: `Other warnings: ${otherWarnings(d)}. `,
    allWarnings: link(`${d.appUrl}/warnings`, 'All warnings'),
    staleHeading: `Stale indicators (${totalStale(d)}, per family)`,
    stale: d.stale.map((f) => `${f.title}: ${f.stale} of ${f.of}`),
    staleLink: link(`${d.appUrl}/warnings`, 'Staleness by family'),
    observationsHeading:
      shown < d.observationCount
        ? `New and corrected observations: the ${shown} that matter most of ${d.observationCount}`
        : `New and corrected observations (${d.observationCount})`,
    families: d.families.map((f) => ({
      family: link(f.link, f.title),
      spark: f.spark && { src: `cid:${f.spark.cid}`, alt: f.spark.label },
      observations: f.observations.map((o) => ({
        indicator: link(o.link, o.indicatorTitle),
        observedAt: o.observedAt,
        level: o.level,
        grade: o.grade,
        corrects: o.supersedes,
        rationale: clip(o.rationale, RATIONALE_CHARS),
        source: clip(o.source, SOURCE_CHARS),
        recordedBy: o.recordedBy
      }))
    })),
    moreObservations: moreLink(d.appUrl, d.observationCount - shown),
    annotationsHeading: `New annotations (${annotations.length})`,
    annotations: annotations.slice(0, ANNOTATION_LIMIT).map((a) => ({
      when: a.when,
      scope: link(a.link, a.scope),
      text: clip(a.text, ANNOTATION_CHARS),
      corrects: a.corrects
    })),
    moreAnnotations: moreLink(d.appUrl, annotations.length - ANNOTATION_LIMIT),
    open: link(d.appUrl, 'Open Watchfloor'),
    unsubscribe: link(UNSUBSCRIBE_PLACEHOLDER, 'Unsubscribe')
  };
}

export type DigestView = ReturnType<typeof digestView>;
