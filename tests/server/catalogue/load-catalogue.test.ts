import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogueError } from '../../../server/catalogue/catalogue-error.js';
import { loadCatalogue } from '../../../server/catalogue/load-catalogue.js';
import { copyOfFixtureCatalogue, FIXTURE_CATALOGUE, REAL_CATALOGUE, tempDir } from '../../support/test-catalogue.js';

/** The loader's complaint about a catalogue, as the person starting the server reads it. */
function complaint(dir: string): string {
  try {
    loadCatalogue(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(CatalogueError);
    return (err as Error).message;
  }
  throw new Error('the catalogue was accepted');
}

describe('loadCatalogue', () => {
  it('reads a valid topic: families, indicators with their family, scenarios, demo rows', () => {
    const c = loadCatalogue(FIXTURE_CATALOGUE);
    expect(c.topic.id).toBe('test-topic');
    expect(c.families.map((f) => f.id)).toEqual(['funding', 'tempo']);
    expect(c.indicators.map((i) => [i.id, i.familyId])).toEqual([
      ['salaries', 'funding'],
      ['transfers', 'funding'],
      ['attacks', 'tempo']
    ]);
    expect(c.scenarios.map((s) => s.id)).toEqual(['decline', 'resurgence']);
    expect(c.demoObservations).toHaveLength(3);
  });

  it('accepts the shipped IS-K catalogue', () => {
    const c = loadCatalogue(REAL_CATALOGUE);
    expect(c.families.length).toBeGreaterThanOrEqual(9);
    expect(c.scenarios.length).toBeGreaterThanOrEqual(4);
    expect(c.demoObservations.length).toBeGreaterThan(50);
  });
});

describe('loadCatalogue refuses a bad catalogue, naming the file and the field', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cat: ReturnType<typeof copyOfFixtureCatalogue>;
  beforeEach(() => {
    tmp = tempDir();
    cat = copyOfFixtureCatalogue(tmp.dir);
  });
  afterEach(() => tmp.remove());

  it.each([
    [
      'a level anchor is missing',
      'families/funding.yaml',
      (t: string) => t.replace('      - Paid with bonuses\n', ''),
      /families\/funding\.yaml: indicators\[0\]\.levels: .*5/
    ],
    [
      'a band is upside down',
      'families/funding.yaml',
      (t: string) => t.replace('decline: [1, 2]', 'decline: [2, 1]'),
      /families\/funding\.yaml: indicators\[0\]\.bands\.decline: lower bound must not exceed/
    ],
    [
      'a band is outside 1–5',
      'families/tempo.yaml',
      (t: string) => t.replace('resurgence: [2, 3]', 'resurgence: [2, 6]'),
      /families\/tempo\.yaml: indicators\[0\]\.bands\.resurgence\[1\]/
    ],
    [
      'a band is missing',
      'families/tempo.yaml',
      (t: string) => t.replace('      resurgence: [2, 3]\n', ''),
      /families\/tempo\.yaml: indicators\[0\]\.bands: missing the band for scenario "resurgence"/
    ],
    [
      'a band names no scenario',
      'families/tempo.yaml',
      (t: string) => t.replace('resurgence: [2, 3]', 'resurgence: [2, 3]\n      pivot: [1, 1]'),
      /families\/tempo\.yaml: indicators\[0\]\.bands\.pivot: no scenario has this id/
    ],
    [
      'an indicator id is taken twice',
      'families/tempo.yaml',
      (t: string) => t.replace('- id: attacks', '- id: salaries'),
      /families\/tempo\.yaml: indicators\[0\]\.id: id "salaries" is already used/
    ],
    [
      'priors do not sum to 1',
      'scenarios.yaml',
      (t: string) => t.replace('prior: 0.4', 'prior: 0.5'),
      /scenarios\.yaml: scenarios\[\*\]\.prior: priors must sum to 1, they sum to 1\.100/
    ],
    [
      'provenance cites an unknown document',
      'scenarios.yaml',
      (t: string) => t.replace('document: doc-b.txt', 'document: doc-z.txt'),
      /scenarios\.yaml: scenarios\[1\]\.provenance\[0\]\.document: "doc-z\.txt" is not a document/
    ],
    [
      'a thresholds pair is inverted',
      'families/funding.yaml',
      (t: string) => t.replace('{ fire: 4, recover: 3 }', '{ fire: 3, recover: 4 }'),
      /families\/funding\.yaml: indicators\[0\]\.thresholds\.recover: recover must be below fire/
    ],
    [
      'an unknown field appears',
      'families/funding.yaml',
      (t: string) => t.replace('cadenceDays: 30', 'cadenceDays: 30\n    cadense: 3'),
      /families\/funding\.yaml: indicators\[0\]: Unrecognized key: "cadense"/
    ],
    [
      'the YAML does not parse',
      'scenarios.yaml',
      (t: string) => t.replace('scenarios:', 'scenarios: [\n'),
      /scenarios\.yaml: line \d+: /
    ],
    [
      'a demo row names no indicator',
      'demo-observations.yaml',
      (t: string) => t.replace('indicator: attacks', 'indicator: bombs'),
      /demo-observations\.yaml: observations\[2\]\.indicator: no indicator "bombs"/
    ],
    [
      'a level anchor is blank',
      'families/funding.yaml',
      (t: string) => t.replace('      - Reduced rates', "      - '  '"),
      /families\/funding\.yaml: indicators\[0\]\.levels\[2\]: must not be empty/
    ],
    [
      'the topic states no horizon',
      'topic.yaml',
      (t: string) => t.replace(/horizon:\n( {2}.*\n)+/, ''),
      /topic\.yaml: horizon: /
    ],
    [
      'the topic states no axes',
      'topic.yaml',
      (t: string) => t.replace(/axes:\n( {2}.*\n)+/, ''),
      /topic\.yaml: axes: /
    ],
    [
      'a scenario gives no reason for its prior',
      'scenarios.yaml',
      (t: string) => t.replace('    priorRationale: Document A reports the decline.\n', ''),
      /scenarios\.yaml: scenarios\[0\]\.priorRationale: /
    ],
    [
      'a scenario rules nothing out',
      'scenarios.yaml',
      (t: string) => t.replace('rulesOut: [Decline]', 'rulesOut: []'),
      /scenarios\.yaml: scenarios\[1\]\.rulesOut: /
    ],
    [
      'two scenarios share a position',
      'scenarios.yaml',
      (t: string) => t.replace('strength: stronger', 'strength: weaker'),
      /scenarios\.yaml: scenarios\[1\]\.position: same position as "decline" \(strength=weaker\): scenarios must exclude each other/
    ],
    [
      'a position names an unknown value',
      'scenarios.yaml',
      (t: string) => t.replace('strength: stronger', 'strength: booming'),
      /scenarios\.yaml: scenarios\[1\]\.position\.strength: "booming" is not a value of the axis "strength" \(weaker, stronger\)/
    ],
    [
      'a position skips an axis',
      'scenarios.yaml',
      (t: string) => t.replace('{ strength: stronger }', '{}'),
      /scenarios\.yaml: scenarios\[1\]\.position: names no value on the axis "strength"/
    ],
    [
      'a demo reading repeats indicator, day and source',
      'demo-observations.yaml',
      (t: string) => t.replace("observedAt: '2023-11-30'", "observedAt: '2023-03-31'"),
      /demo-observations\.yaml: observations\[1\]: repeats observations\[0\] \(indicator "salaries", 2023-03-31, doc-a\.txt\): one report counts once/
    ],
    [
      'the half-life is missing',
      'topic.yaml',
      (t: string) => t.replace(/halfLifeDays: .*\n/, ''),
      /topic\.yaml: halfLifeDays: /
    ],
    [
      'observableFrom is after assessFrom',
      'topic.yaml',
      (t: string) => t.replace("observableFrom: '2015-01-01'", "observableFrom: '2023-01-01'"),
      /topic\.yaml: observableFrom: must not be after assessFrom/
    ],
    [
      'a demo row is dated before observableFrom',
      'demo-observations.yaml',
      (t: string) => t.replace("'2023-04-30'", "'2014-04-30'"),
      /demo-observations\.yaml: observations\[2\]\.observedAt: is before the topic's observableFrom/
    ],
    [
      'a demo date does not exist',
      'demo-observations.yaml',
      (t: string) => t.replace("'2023-04-30'", "'2023-04-31'"),
      /demo-observations\.yaml: observations\[2\]\.observedAt: is not a real calendar date/
    ]
  ])('when %s', (_what, file, change, expected) => {
    cat.edit(file, change);
    expect(complaint(cat.dir)).toMatch(expected);
  });

  it('when more than six readings fall on one day', () => {
    cat.edit('demo-observations.yaml', (t) => {
      const [head, ...rows] = t.split('\n  - ');
      // Seven readings on one day (some also repeat a reading, which is reported on its own).
      const day = rows.map((r) => r.replace(/observedAt: '[^']+'/, "observedAt: '2023-04-30'"));
      const variants = [0, 1, 2].flatMap((k) => [
        day[k],
        day[k].replace(/document: doc-[ab]\.txt/, (m) =>
          m.endsWith('a.txt') ? 'document: doc-b.txt' : 'document: doc-a.txt'
        )
      ]);
      return [
        head,
        ...variants,
        day[2]
          .replace('indicator: attacks', 'indicator: transfers')
          .replace(/document: doc-[ab]\.txt/, 'document: doc-b.txt')
      ].join('\n  - ');
    });
    expect(complaint(cat.dir)).toMatch(
      /demo-observations\.yaml: observations\[0, 1, 2, 3, 4, 5, 6\]\.observedAt: 7 readings fall on 2023-04-30; at most 6 a day/
    );
  });

  it('when a required file is missing', () => {
    cat.remove('scenarios.yaml');
    expect(complaint(cat.dir)).toMatch(/scenarios\.yaml: is missing/);
  });

  it('lists every problem at once, not just the first', () => {
    cat.edit('families/funding.yaml', (t) =>
      t.replace('cadenceDays: 30', 'cadenceDays: 0').replace('title: Hawala transfers', 'title: ""')
    );
    const message = complaint(cat.dir);
    expect(message).toMatch(/2 problems/);
    expect(message).toMatch(/indicators\[0\]\.cadenceDays/);
    expect(message).toMatch(/indicators\[1\]\.title: must not be empty/);
  });
});
