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
    ['a level anchor is missing', 'families/funding.yaml', (t: string) => t.replace('      - Paid with bonuses\n', ''), /families\/funding\.yaml: indicators\[0\]\.levels: .*5/],
    ['a band is upside down', 'families/funding.yaml', (t: string) => t.replace('decline: [1, 2]', 'decline: [2, 1]'), /families\/funding\.yaml: indicators\[0\]\.bands\.decline: lower bound must not exceed/],
    ['a band is outside 1–5', 'families/tempo.yaml', (t: string) => t.replace('resurgence: [2, 3]', 'resurgence: [2, 6]'), /families\/tempo\.yaml: indicators\[0\]\.bands\.resurgence\[1\]/],
    ['a band is missing', 'families/tempo.yaml', (t: string) => t.replace('      resurgence: [2, 3]\n', ''), /families\/tempo\.yaml: indicators\[0\]\.bands: missing the band for scenario "resurgence"/],
    ['a band names no scenario', 'families/tempo.yaml', (t: string) => t.replace('resurgence: [2, 3]', 'resurgence: [2, 3]\n      pivot: [1, 1]'), /families\/tempo\.yaml: indicators\[0\]\.bands\.pivot: no scenario has this id/],
    ['an indicator id is taken twice', 'families/tempo.yaml', (t: string) => t.replace('- id: attacks', '- id: salaries'), /families\/tempo\.yaml: indicators\[0\]\.id: id "salaries" is already used/],
    ['priors do not sum to 1', 'scenarios.yaml', (t: string) => t.replace('prior: 0.4', 'prior: 0.5'), /scenarios\.yaml: scenarios\[\*\]\.prior: priors must sum to 1, they sum to 1\.100/],
    ['provenance cites an unknown document', 'scenarios.yaml', (t: string) => t.replace('document: doc-b.txt', 'document: doc-z.txt'), /scenarios\.yaml: scenarios\[1\]\.provenance\[0\]\.document: "doc-z\.txt" is not a document/],
    ['a thresholds pair is inverted', 'families/funding.yaml', (t: string) => t.replace('{ fire: 4, recover: 3 }', '{ fire: 3, recover: 4 }'), /families\/funding\.yaml: indicators\[0\]\.thresholds\.recover: recover must be below fire/],
    ['an unknown field appears', 'families/funding.yaml', (t: string) => t.replace('cadenceDays: 30', 'cadenceDays: 30\n    cadense: 3'), /families\/funding\.yaml: indicators\[0\]: Unrecognized key: "cadense"/],
    ['the YAML does not parse', 'scenarios.yaml', (t: string) => t.replace('scenarios:', 'scenarios: [\n'), /scenarios\.yaml: line \d+: /],
    ['a demo row names no indicator', 'demo-observations.yaml', (t: string) => t.replace('indicator: attacks', 'indicator: bombs'), /demo-observations\.yaml: observations\[2\]\.indicator: no indicator "bombs"/],
    ['the half-life is missing', 'topic.yaml', (t: string) => t.replace(/halfLifeDays: .*\n/, ''), /topic\.yaml: halfLifeDays: /],
    ['observableFrom is after assessFrom', 'topic.yaml', (t: string) => t.replace("observableFrom: '2015-01-01'", "observableFrom: '2023-01-01'"), /topic\.yaml: observableFrom: must not be after assessFrom/],
    ['a demo row is dated before observableFrom', 'demo-observations.yaml', (t: string) => t.replace("'2023-04-30'", "'2014-04-30'"), /demo-observations\.yaml: observations\[2\]\.observedAt: is before the topic's observableFrom/],
    ['a demo date does not exist', 'demo-observations.yaml', (t: string) => t.replace("'2023-04-30'", "'2023-04-31'"), /demo-observations\.yaml: observations\[2\]\.observedAt: is not a real calendar date/]
  ])('when %s', (_what, file, change, expected) => {
    cat.edit(file, change);
    expect(complaint(cat.dir)).toMatch(expected);
  });

  it('when a required file is missing', () => {
    cat.remove('scenarios.yaml');
    expect(complaint(cat.dir)).toMatch(/scenarios\.yaml: is missing/);
  });

  it('lists every problem at once, not just the first', () => {
    cat.edit('families/funding.yaml', (t) => t.replace('cadenceDays: 30', 'cadenceDays: 0').replace('title: Hawala transfers', 'title: ""'));
    const message = complaint(cat.dir);
    expect(message).toMatch(/2 problems/);
    expect(message).toMatch(/indicators\[0\]\.cadenceDays/);
    expect(message).toMatch(/indicators\[1\]\.title: must not be empty/);
  });
});
