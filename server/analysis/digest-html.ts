// The digest's HTML part: tables and inline styles only, as mail clients render them.
import { leadingOf, UNSUBSCRIBE_PLACEHOLDER, type DigestInput, type DigestScenario, type DigestWarning } from './digest-model.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const pct = (p: number) => `${Math.round(p * 100)}&nbsp;%`;
const day = (iso: string) => iso.slice(0, 10);
const FONT = 'font-family:Helvetica,Arial,sans-serif;';
const H2 = `${FONT}font-size:15px;color:#1d2b3a;margin:22px 0 6px;border-bottom:1px solid #d8dee6;padding-bottom:4px;`;
const TD = `${FONT}font-size:13px;color:#1d2b3a;padding:4px 8px;border-bottom:1px solid #eef1f4;vertical-align:top;`;
const MUTED = 'color:#5b6b7c;';
const link = (href: string, text: string) => `<a href="${escapeHtml(href)}" style="color:#1f4e79;">${escapeHtml(text)}</a>`;

function scenarioRows(now: DigestScenario[], weekAgo: DigestScenario[] | null, leadId: string | undefined): string {
  return now
    .map((s) => {
      const before = weekAgo?.find((w) => w.id === s.id);
      const delta = before ? Math.round((s.probability - before.probability) * 100) : null;
      const bar = `<div style="background:#e3e8ee;width:120px;height:8px;"><div style="background:#1f4e79;width:${Math.round(s.probability * 120)}px;height:8px;"></div></div>`;
      const weight = s.id === leadId ? 'font-weight:bold;' : '';
      return `<tr><td style="${TD}${weight}">${escapeHtml(s.title)}</td><td style="${TD}${weight}">${pct(s.probability)} ${escapeHtml(s.words)}</td>
        <td style="${TD}">${bar}</td><td style="${TD}${MUTED}">${before ? `${pct(before.probability)} ${escapeHtml(before.words)}` : '—'}</td>
        <td style="${TD}${MUTED}">${delta === null ? '' : `${delta > 0 ? '+' : ''}${delta}`}</td></tr>`;
    })
    .join('');
}

function warningList(list: DigestWarning[], empty: string): string {
  if (list.length === 0) return `<p style="${FONT}font-size:13px;${MUTED}">${empty}</p>`;
  return `<table role="presentation" cellpadding="0" cellspacing="0" width="100%">${list
    .map((w) => `<tr><td style="${TD}white-space:nowrap;">${day(w.at)}</td><td style="${TD}"><b>${escapeHtml(w.kind)}</b></td>
      <td style="${TD}">${escapeHtml(w.cause)} ${link(w.link, 'chart')}</td></tr>`)
    .join('')}</table>`;
}

function annotationList(d: DigestInput): string {
  if (!d.annotations?.length) return '';
  return `<h2 style="${H2}">New annotations</h2><table role="presentation" cellpadding="0" cellspacing="0" width="100%">${d.annotations
    .map((a) => `<tr><td style="${TD}white-space:nowrap;">${escapeHtml(a.when)}</td><td style="${TD}">${escapeHtml(a.text)}${a.corrects ? ` <span style="${MUTED}">(corrects #${a.corrects})</span>` : ''}
      <br><span style="${MUTED}">${link(a.link, a.scope)} · ${escapeHtml(a.source)}</span></td></tr>`)
    .join('')}</table>`;
}

export function htmlDigest(d: DigestInput, quiet: boolean, subject: string): string {
  const lead = leadingOf(d.now);
  const covers = d.coversFrom ? `${day(d.coversFrom)} to ${day(d.coversTo)}` : `everything up to ${day(d.coversTo)}`;
  const families = d.families
    .map(
      (f) => `<h3 style="${FONT}font-size:14px;margin:14px 0 4px;">${link(f.link, f.title)}
        ${f.spark ? `<img src="cid:${f.spark.cid}" alt="${escapeHtml(f.spark.label)}" width="160" height="32" style="vertical-align:middle;margin-left:8px;">` : ''}</h3>
      <table role="presentation" cellpadding="0" cellspacing="0" width="100%">${f.observations
        .map((o) => `<tr><td style="${TD}width:34%;">${link(o.link, o.indicatorTitle)}<br><span style="${MUTED}">${o.observedAt}${o.supersedes ? ` · corrects #${o.supersedes}` : ''}</span></td>
          <td style="${TD}"><b>Level ${o.level}</b> · ${escapeHtml(o.words)}<br><span style="${MUTED}">Grade ${escapeHtml(o.grade)} · ${escapeHtml(o.source)}${o.recordedBy ? ` · recorded by ${escapeHtml(o.recordedBy)}` : ''}</span><br>${escapeHtml(o.rationale)}</td></tr>`)
        .join('')}</table>`
    )
    .join('');
  const stale = d.stale.length
    ? `<table role="presentation" cellpadding="0" cellspacing="0" width="100%">${d.stale
        .map((s) => `<tr><td style="${TD}">${link(s.link, s.title)}</td><td style="${TD}${MUTED}">last observed ${s.lastObservedAt} · cadence ${s.cadenceDays} days</td></tr>`)
        .join('')}</table>`
    : `<p style="${FONT}font-size:13px;${MUTED}">Every indicator is current.</p>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f3f5f8;">
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="background:#f3f5f8;"><tr><td align="center" style="padding:16px;">
<table role="presentation" cellpadding="0" cellspacing="0" width="640" style="background:#ffffff;border:1px solid #d8dee6;">
<tr><td style="background:#1d2b3a;padding:14px 20px;${FONT}color:#ffffff;font-size:16px;"><b>Watchfloor</b> · ${escapeHtml(d.topicTitle)}</td></tr>
<tr><td style="padding:6px 20px 20px;">
<p style="${FONT}font-size:13px;${MUTED}">Weekly digest covering ${covers}.</p>
${quiet ? `<p style="${FONT}font-size:14px;background:#eef3f8;padding:10px;"><b>No changes this period:</b> no new or corrected observations and no warnings fired or recovered.</p>` : ''}
${lead ? `<p style="${FONT}font-size:15px;">Leading scenario: <b>${escapeHtml(lead.title)}</b>, ${pct(lead.probability)} (${escapeHtml(lead.words)}).</p>` : ''}
${d.confidence ? `<p style="${FONT}font-size:14px;">Analytic confidence: <b>${escapeHtml(d.confidence.level)}</b> (${escapeHtml(d.confidence.reasons.join('; '))}).</p>` : ''}
<h2 style="${H2}">Scenarios: now and a week ago</h2>
<table role="presentation" cellpadding="0" cellspacing="0" width="100%">${scenarioRows(d.now, d.weekAgo, lead?.id)}</table>
<h2 style="${H2}">Warnings fired (${d.counts.fired})</h2>${warningList(d.fired, 'None fired.')}
<h2 style="${H2}">Warnings recovered (${d.counts.recovered})</h2>${warningList(d.recovered, 'None recovered.')}
<h2 style="${H2}">New and corrected observations</h2>${families || `<p style="${FONT}font-size:13px;${MUTED}">None recorded.</p>`}
${annotationList(d)}
<h2 style="${H2}">Stale indicators (${d.stale.length})</h2>${stale}
<p style="${FONT}font-size:12px;${MUTED}margin-top:24px;">${link(d.appUrl, 'Open Watchfloor')} · ${link(UNSUBSCRIBE_PLACEHOLDER, 'Unsubscribe')}</p>
</td></tr></table></td></tr></table></body></html>`;
}
