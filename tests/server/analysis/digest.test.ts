import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeDigest, type DigestInput } from '../../../server/analysis/digest.js';
import { composeDigestMail } from '../../../server/mail/digest-html.js';
import { byImportance, pickObservations, separation, staleByFamily } from '../../../server/analysis/digest-select.js';
import { clip } from '../../../server/analysis/digest-words.js';

const scenario = (id: string, probability: number, words: string) => ({
  id,
  title: `Scenario ${id}`,
  probability,
  words
});
const observation = (n: number) => ({
  indicatorTitle: `Indicator ${n}`,
  observedAt: '2024-01-15',
  level: 4,
  words: 'high',
  grade: 'B2',
  source: 'Field report',
  rationale: `Reason ${n}`,
  recordedBy: 'Ann',
  supersedes: null,
  link: `https://wf.example.org/indicators/i${n}`
});

function input(over: Partial<DigestInput> = {}): DigestInput {
  return {
    topicTitle: 'Topic',
    appUrl: 'https://wf.example.org',
    coversFrom: '2024-01-29T07:00:00Z',
    coversTo: '2024-02-05T07:00:00Z',
    assessedAt: '2024-02-05',
    now: [scenario('a', 0.7, 'likely'), scenario('b', 0.3, 'unlikely')],
    weekAgo: [scenario('a', 0.6, 'roughly even chance'), scenario('b', 0.4, 'unlikely')],
    confidence: { level: 'moderate', reasons: ['coverage moderate', 'margin high'] },
    moved: {
      weekEnd: '2024-02-04',
      latest: true,
      more: 2,
      drivers: [
        {
          indicatorTitle: 'Indicator 1',
          observedAt: '2024-02-01',
          level: 4,
          favours: 'Scenario a',
          disfavours: 'Scenario b',
          link: 'https://wf.example.org/indicators/i1'
        }
      ]
    },
    alerts: [
      {
        kind: 'tripwire',
        at: '2024-02-01',
        cause: 'Indicator 1: reading 4 reached the fire threshold 4',
        link: 'https://wf.example.org/indicators/i1'
      }
    ],
    counts: { fired: { tripwire: 1, staleness: 7, novelty: 2 }, recovered: 3 },
    stale: [{ title: 'Family F', link: 'https://wf.example.org/families/f', stale: 3, of: 5 }],
    families: [
      {
        title: 'Family F',
        link: 'https://wf.example.org/families/f',
        spark: { cid: 'spark-f@watchfloor', label: 'trend', values: [1, null, 5] },
        observations: [observation(1), observation(2)]
      }
    ],
    observationCount: 14,
    ...over
  };
}

describe('digest composition', () => {
  it('puts the picture and what moved it first, then tripwires and shifts, stale counts, observations', () => {
    const { text } = composeDigest(input());
    const order = [
      'Leading scenario: Scenario a, 70 % (likely)',
      'Analytic confidence: moderate (coverage moderate; margin high)',
      'Scenario a: 70 % likely / 60 % / +10',
      'WHAT MOVED IT',
      'Indicator 1, 2024-02-01: level 4, favours Scenario a over Scenario b',
      'and 2 more readings',
      'TRIPWIRES AND SHIFTS (1)',
      '2024-02-01 tripwire: Indicator 1: reading 4',
      'Other warnings: 2 novelty and 7 staleness fired; 3 recovered',
      'STALE INDICATORS (3, per family)',
      'Family F: 3 of 5',
      'the 2 that matter most of 14',
      'Family F  ▁·█',
      'and 12 more: https://wf.example.org'
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      order.filter((_, k) => at[k] < 0).join(' | ')
    ).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('says the same in the HTML part, escaped, with the trend image by content id', () => {
    const { html, sparks } = composeDigestMail(input({ topicTitle: '<script>alert(1)</script>' }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('Leading scenario: <b>Scenario a</b>');
    expect(html).toContain('<b>tripwire</b>: Indicator 1: reading 4 reached the fire threshold 4');
    expect(html).toContain('Family F: 3 of 5');
    expect(html).toContain('src="cid:spark-f@watchfloor"');
    expect(html).toContain('>and 12 more</a>');
    expect(sparks.map((s) => s.cid)).toEqual(['spark-f@watchfloor']);
  });

  it('links to the tripwires and shifts past the ones listed', () => {
    const { text, html } = composeDigestMail(input({ counts: { fired: { tripwire: 8, shift: 4 }, recovered: 0 } }));
    expect(text).toContain('TRIPWIRES AND SHIFTS (12)');
    expect(text).toContain('and 11 more: https://wf.example.org/warnings');
    expect(html).toContain('<a href="https://wf.example.org/warnings">and 11 more</a>');
  });

  it('says plainly when nothing changed, and when nothing new arrived this week', () => {
    const d = composeDigest(
      input({
        alerts: [],
        counts: { fired: {}, recovered: 0 },
        families: [],
        observationCount: 0,
        moved: { weekEnd: '2023-12-01', latest: false, drivers: [], more: 0 }
      })
    );
    expect(d.quiet).toBe(true);
    expect(d.subject).toContain('no changes');
    expect(d.text).toContain('Nothing new in the last seven days');
    expect(d.text).toContain('none fired');
    expect(d.text).not.toContain('more:');
  });
});

const rankable = fc.record({
  id: fc.integer({ min: 1, max: 10_000 }),
  observedAt: fc.constantFrom('2023-01-01', '2023-06-01', '2024-01-01'),
  weight: fc.constantFrom(0.04, 0.25, 0.5, 0.64, 1),
  separation: fc.double({ min: 0, max: 5, noNaN: true })
});

describe('picking the observations that matter most', () => {
  it('shows at most the limit, loses none, and shows none less important than one left out', () => {
    fc.assert(
      fc.property(fc.array(rankable, { maxLength: 40 }), fc.integer({ min: 0, max: 15 }), (list, limit) => {
        const { shown, rest } = pickObservations(list, limit);
        expect(shown.length).toBe(Math.min(limit, list.length));
        expect(shown.length + rest.length).toBe(list.length);
        for (const s of shown) for (const r of rest) expect(byImportance(s, r)).toBeLessThanOrEqual(0);
      })
    );
  });

  it('ranks a well-graded reading that separates the scenarios above a weak or undiagnostic one', () => {
    const strong = {
      id: 1,
      observedAt: '2023-01-01',
      weight: 1,
      separation: separation(
        [
          [1, 2],
          [4, 5]
        ],
        5
      )
    };
    const weak = {
      id: 2,
      observedAt: '2024-01-01',
      weight: 0.04,
      separation: separation(
        [
          [1, 2],
          [4, 5]
        ],
        5
      )
    };
    const flat = {
      id: 3,
      observedAt: '2024-01-01',
      weight: 1,
      separation: separation(
        [
          [1, 5],
          [1, 5]
        ],
        5
      )
    };
    expect(flat.separation).toBe(0);
    expect(separation(undefined, 3)).toBe(0);
    expect(pickObservations([flat, weak, strong], 2).shown.map((o) => o.id)).toEqual([1, 2]);
  });
});

describe('staleness per family', () => {
  it('counts stale members of each family and leaves out families with none', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ familyId: fc.constantFrom('a', 'b', 'c'), stale: fc.boolean() })),
        (indicators) => {
          const counts = staleByFamily([{ id: 'a' }, { id: 'b' }, { id: 'c' }], indicators);
          expect(counts.reduce((n, c) => n + c.stale, 0)).toBe(indicators.filter((i) => i.stale).length);
          for (const c of counts) expect(c.stale).toBeGreaterThan(0);
        }
      )
    );
  });
});

describe('clip', () => {
  it('keeps short text and cuts long text at a word, marked with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short');
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 10, max: 200 }), (s, max) => {
        const c = clip(s, max);
        expect(c.length).toBeLessThanOrEqual(Math.max(max, s.length <= max ? s.length : 0));
        if (s.length > max) expect(c.endsWith('…')).toBe(true);
        else expect(c).toBe(s);
      })
    );
  });
});
