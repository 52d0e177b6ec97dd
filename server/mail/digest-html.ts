import { composeDigest, type ComposedDigest, type DigestInput } from '../analysis/digest.js';
import { digestView, type DigestView } from './digest-view.js';
import { loadTemplate, renderMarkup } from './svelte-template.js';

const DigestMail = await loadTemplate<{ view: DigestView }>(new URL('./DigestMail.svelte', import.meta.url));

// Control characters (other than tab and newline) mean nothing in mail and some clients choke on
// them; the template writes none, so any found came from stored text (imported before the API refused them).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** The template's line breaks after a block ends mean nothing in HTML; a digest has a size budget. */
const AFTER_BLOCK = /(<\/(?:p|h2|h3|table|tbody|tr|td)>)\s+(?=<)/g;

/** The digest's HTML part, rendered from its template (escaping is the template's default). */
export function digestHtml(d: DigestInput, quiet: boolean, subject: string): string {
  const { head, body } = renderMarkup(DigestMail, { view: digestView(d, quiet, subject) });
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head>
<body style="margin:0;background:#f3f5f8;">${body.replace(AFTER_BLOCK, '$1')}</body></html>`.replace(CONTROL, '');
}

/** The digest as mail: subject, text and trend images from the pure composer, plus its HTML part. */
export function composeDigestMail(d: DigestInput): ComposedDigest & { html: string } {
  const composed = composeDigest(d);
  return { ...composed, html: digestHtml(d, composed.quiet, composed.subject) };
}
