// The digest's HTML part: tables and inline styles only, as mail clients render them.
import { alertCount, leadingOf, totalStale, UNSUBSCRIBE_PLACEHOLDER, type DigestInput, type DigestScenario } from './digest-model.js';
import { ANNOTATION_CHARS, ANNOTATION_LIMIT, clip, covers, day, otherWarnings, pct as pctText, RATIONALE_CHARS, signed, SOURCE_CHARS } from './digest-words.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const pct = (p: number) => pctText(p).replace(' ', '&nbsp;');
const FONT = 'font-family:Helvetica,Arial,sans-serif;';
// The text style sits once on the content cell and is inherited (the document is in standards
// mode): styling every cell and paragraph would multiply the digest's size.
const P = `${FONT}font-size:13px;color:#1d2b3a;`;
const H2 = 'font-size:15px;margin:20px 0 6px;';
const MUTED = 'color:#5b6b7c;';
const LAYOUT = '<table role="presentation" cellpadding="0" cellspacing="0" width="100%">';
const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
const para = (html: string, style = '') => (style ? `<p style="${style}">${html}</p>` : `<p>${html}</p>`);
const h2 = (text: string) => `<h2 style="${H2}">${escapeHtml(text)}</h2>`;
const rows = (cells: string[][]) => `<table cellpadding="3">${cells.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;

function scenarioRows(now: DigestScenario[], weekAgo: DigestScenario[] | null, leadId: string | undefined): string {
  return rows([
    ['Scenario', 'Now', 'A week ago', 'Change'].map((h) => `<b>${h}</b>`),
    ...now.map((s) => {
      const before = weekAgo?.find((w) => w.id === s.id);
      const name = s.id === leadId ? `<b>${escapeHtml(s.title)}</b> (leading)` : escapeHtml(s.title);
      return [name, `${pct(s.probability)} ${escapeHtml(s.words)}`, before ? pct(before.probability) : '—', before ? signed(s.probability - before.probability) : ''];
    })
  ]);
}

function picture(d: DigestInput): string {
  const lead = leadingOf(d.now);
  const m = d.moved;
  const drivers = (m?.drivers ?? []).map((r) => `${link(r.link, r.indicatorTitle)}, ${r.observedAt}: level ${r.level}, favours ${escapeHtml(r.favours)} over ${escapeHtml(r.disfavours)}`);
  const more = m && m.more > 0 ? `<br>${link(`${d.appUrl}/scenarios`, `and ${m.more} more ${m.more === 1 ? 'reading' : 'readings'}`)}` : '';
  return `${lead ? para(`Leading scenario: <b>${escapeHtml(lead.title)}</b>, ${pct(lead.probability)} (${escapeHtml(lead.words)}).`, 'font-size:15px;') : ''}
${d.confidence ? para(`Analytic confidence: <b>${escapeHtml(d.confidence.level)}</b> (${escapeHtml(d.confidence.reasons.join('; '))}).`) : ''}
${h2('Scenarios: now and a week ago')}${scenarioRows(d.now, d.weekAgo, lead?.id)}
${h2(m ? `What moved it (the seven days to ${m.weekEnd})` : 'What moved it')}
${!m ? para('No evidence yet.', MUTED) : m.latest ? '' : para(`Nothing new in the last seven days; the latest readings, to ${m.weekEnd}, were:`, MUTED)}
${drivers.length ? para(drivers.join('<br>') + more) : ''}`;
}

function warnings(d: DigestInput): string {
  const alerts = d.alerts.map((w) => `${day(w.at)} <b>${escapeHtml(w.kind)}</b>: ${escapeHtml(w.cause)} ${link(w.link, 'chart')}`).join('<br>');
  const count = alertCount(d);
  const more = count > d.alerts.length ? `<br>${link(`${d.appUrl}/warnings`, `and ${count - d.alerts.length} more`)}` : '';
  const stale = d.stale.map((f) => `${escapeHtml(f.title)}: ${f.stale} of ${f.of}`).join('<br>');
  return `${h2(`Tripwires and shifts (${count})`)}${para(alerts ? alerts + more : 'None fired.')}
${para(`Other warnings: ${otherWarnings(d)}. ${link(`${d.appUrl}/warnings`, 'All warnings')}`)}
${h2(`Stale indicators (${totalStale(d)}, per family)`)}${para(stale ? `${stale}<br>${link(`${d.appUrl}/warnings`, 'Staleness by family')}` : 'Every indicator is current.')}`;
}

function observations(d: DigestInput): string {
  const shown = d.families.reduce((n, f) => n + f.observations.length, 0);
  const families = d.families.map((f) => {
    const img = f.spark ? `<img src="cid:${f.spark.cid}" alt="${escapeHtml(f.spark.label)}" width="160" height="32" style="margin-left:8px">` : '';
    return `<h3 style="font-size:14px;margin:14px 0 4px;">${link(f.link, f.title)}${img}</h3>${f.observations
      .map((o) => para(`${link(o.link, o.indicatorTitle)}, ${o.observedAt}: <b>level ${o.level}</b>, grade ${escapeHtml(o.grade)}${o.supersedes ? `, corrects #${o.supersedes}` : ''}<br>${escapeHtml(clip(o.rationale, RATIONALE_CHARS))}<br><span style="${MUTED}">Source: ${escapeHtml(clip(o.source, SOURCE_CHARS))}${o.recordedBy ? `; recorded by ${escapeHtml(o.recordedBy)}` : ''}</span>`))
      .join('')}`;
  });
  const more = d.observationCount - shown;
  const title = shown < d.observationCount ? `New and corrected observations: the ${shown} that matter most of ${d.observationCount}` : `New and corrected observations (${d.observationCount})`;
  return `${h2(title)}${families.join('') || para('None recorded.', MUTED)}${more > 0 ? para(link(d.appUrl, `and ${more} more`)) : ''}`;
}

function annotationList(d: DigestInput): string {
  if (!d.annotations?.length) return '';
  const more = d.annotations.length - ANNOTATION_LIMIT;
  return `${h2(`New annotations (${d.annotations.length})`)}${d.annotations
    .slice(0, ANNOTATION_LIMIT)
    .map((a) => para(`<b>${escapeHtml(a.when)}</b>, ${link(a.link, a.scope)}: ${escapeHtml(clip(a.text, ANNOTATION_CHARS))}${a.corrects ? ` (corrects #${a.corrects})` : ''}`))
    .join('')}${more > 0 ? para(link(d.appUrl, `and ${more} more`)) : ''}`;
}

export function htmlDigest(d: DigestInput, quiet: boolean, subject: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f3f5f8;">
${LAYOUT}<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="max-width:640px;background:#ffffff;border:1px solid #d8dee6;">
<tr><td style="background:#1d2b3a;padding:14px 20px;${FONT}color:#ffffff;font-size:16px;"><b>Watchfloor</b> · ${escapeHtml(d.topicTitle)}</td></tr>
<tr><td style="padding:6px 20px 20px;${P}">
${para(`Weekly digest covering ${covers(d)}.`, MUTED)}
${quiet ? para('<b>No changes this period:</b> no new or corrected observations and no warnings fired or recovered.', 'font-size:14px;background:#eef3f8;padding:10px;') : ''}
${picture(d)}
${warnings(d)}
${observations(d)}
${annotationList(d)}
${para(`${link(d.appUrl, 'Open Watchfloor')} · ${link(UNSUBSCRIBE_PLACEHOLDER, 'Unsubscribe')}`, `font-size:12px;${MUTED}margin-top:24px;`)}
</td></tr></table></td></tr></table></body></html>`;
}
