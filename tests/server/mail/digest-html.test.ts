/* eslint-disable no-control-regex -- hostile text is made of control characters */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DigestInput } from '../../../server/analysis/digest.js';
import { composeDigestMail } from '../../../server/mail/digest-html.js';
import { safeHref } from '../../../server/mail/safe-href.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '</td></tr></table><a href="javascript:alert(1)">x</a>',
  '<!-- hidden --><b>bold</b>',
  'tab\tnull\u0000bell\u0007 escape\u001b[31m red',
  '&amp; &lt; already-escaped'
];

function digestWith(text: string, link = 'https://wf.example.org/indicators/i1'): DigestInput {
  const scenario = { id: 'a', title: text, probability: 0.7, words: 'likely' };
  return {
    topicTitle: text,
    appUrl: 'https://wf.example.org',
    coversFrom: '2024-01-29T07:00:00Z',
    coversTo: '2024-02-05T07:00:00Z',
    assessedAt: '2024-02-05',
    now: [scenario],
    weekAgo: [scenario],
    confidence: { level: text, reasons: [text] },
    moved: {
      weekEnd: '2024-02-04',
      latest: true,
      more: 0,
      drivers: [{ indicatorTitle: text, observedAt: '2024-02-01', level: 4, favours: text, disfavours: text, link }]
    },
    alerts: [{ kind: 'tripwire', at: '2024-02-01', cause: text, link }],
    counts: { fired: { tripwire: 1 }, recovered: 0 },
    stale: [{ title: text, link, stale: 1, of: 2 }],
    families: [
      {
        title: text,
        link,
        spark: { cid: 'spark-f@watchfloor', label: text, values: [1, 2] },
        observations: [
          {
            indicatorTitle: text,
            observedAt: '2024-01-15',
            level: 4,
            words: text,
            grade: 'B2',
            source: text,
            rationale: text,
            recordedBy: text,
            supersedes: null,
            link
          }
        ]
      }
    ],
    observationCount: 1,
    annotations: [{ when: '2024-01-20', text, scope: text, source: text, corrects: null, link }]
  };
}

/** Every tag and attribute the template itself writes: anything else came from the data. */
const TEMPLATE_TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'body',
  'table',
  'tbody',
  'tr',
  'td',
  'p',
  'b',
  'br',
  'h2',
  'h3',
  'a',
  'img',
  'span'
]);
const tagsOf = (html: string) => [...html.matchAll(/<([!a-z][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase());
const TEMPLATE_ATTRIBUTES = new Set([
  'charset',
  'style',
  'role',
  'cellpadding',
  'cellspacing',
  'width',
  'height',
  'align',
  'href',
  'src',
  'alt'
]);
/** The attribute names inside every tag, e.g. an injected `onerror` (values are always double-quoted, so dropped first). */
const attributesOf = (html: string) =>
  [...html.replace(/="[^"]*"/g, '').matchAll(/<[a-z][a-z0-9]*([^>]*)>/gi)].flatMap((m) =>
    m[1]
      .replace(/\/$/, '')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((a) => a.toLowerCase())
  );
const hrefsOf = (html: string) => [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]);

describe('the HTML digest with hostile text in every field', () => {
  it.each(HOSTILE)('escapes %j wherever it appears: titles, rationale, sources, annotations', (text) => {
    const { html } = composeDigestMail(digestWith(text));
    expect(tagsOf(html).filter((t) => !TEMPLATE_TAGS.has(t))).toEqual([]);
    expect(attributesOf(html).filter((a) => !TEMPLATE_ATTRIBUTES.has(a))).toEqual([]);
    expect(html).not.toContain('<!--');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    // The text is all there, as text (control characters dropped).
    const escaped = text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
    expect(html).toContain(`<title>Watchfloor weekly digest`);
    expect(html).toContain(`· ${escaped}</td>`);
  });

  it('writes only http(s), content-id and unsubscribe targets into href and src', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'not a url'
    ]) {
      const { html } = composeDigestMail(digestWith('plain', bad));
      expect(
        hrefsOf(html).every((h) => /^(https?:|cid:|%%UNSUBSCRIBE_URL%%$|#$)/.test(h)),
        hrefsOf(html).join(' ')
      ).toBe(true);
      expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
    }
  });

  it('never lets arbitrary text add a tag or leave an attribute (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const { html } = composeDigestMail(digestWith(text));
        expect(tagsOf(html).filter((t) => !TEMPLATE_TAGS.has(t))).toEqual([]);
        // Attribute values never hold a raw quote: an interpolated one is &quot;.
        for (const value of html.matchAll(/="([^"]*)"/g)) expect(value[1]).not.toContain('<');
      }),
      { numRuns: 100 }
    );
  });
});

describe('safeHref', () => {
  it('keeps web addresses and the unsubscribe placeholder, and turns everything else inert', () => {
    expect(safeHref('https://wf.example.org/indicators/x?y=1')).toBe('https://wf.example.org/indicators/x?y=1');
    expect(safeHref('http://127.0.0.1:3000/warnings')).toBe('http://127.0.0.1:3000/warnings');
    expect(safeHref('%%UNSUBSCRIBE_URL%%')).toBe('%%UNSUBSCRIBE_URL%%');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '\u0001javascript:alert(1)',
      'data:,x',
      'mailto:a@b.c',
      '/relative',
      ''
    ]) {
      expect(safeHref(bad), bad).toBe('#');
    }
  });
});
