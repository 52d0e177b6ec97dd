import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../server/catalogue/load-catalogue.js';
import { syncCatalogue } from '../../../server/db/catalogue-sync.js';
import { copyOfFixtureCatalogue, tempDir } from '../../support/test-catalogue.js';
import { NOW, observationInput, testDb } from '../../support/test-db.js';

describe('syncCatalogue', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cat: ReturnType<typeof copyOfFixtureCatalogue>;
  let t: ReturnType<typeof testDb>;
  beforeEach(() => {
    tmp = tempDir();
    cat = copyOfFixtureCatalogue(tmp.dir);
    // Demonstration rows name indicators these tests remove; they are not what is tested here.
    cat.remove('demo-observations.yaml');
    t = testDb(cat.dir);
  });
  afterEach(() => {
    t.dispose();
    tmp.remove();
  });
  const resync = () => syncCatalogue(t.store, loadCatalogue(cat.dir), NOW);

  it('changes nothing when the files did not change', () => {
    expect(resync()).toEqual({ added: [], updated: [], retired: [], removed: [] });
  });

  it('adds new indicators and updates edited texts', () => {
    cat.edit(
      'families/tempo.yaml',
      (text) =>
        text.replace('title: Confirmed attacks', 'title: Confirmed attacks in Afghanistan') +
        text
          .slice(text.indexOf('  - id: attacks'))
          .replace('id: attacks', 'id: raids')
          .replace('title: Confirmed attacks', 'title: Raids')
    );
    expect(resync()).toMatchObject({ added: ['raids'], updated: ['attacks'] });
    expect(t.store.catalogue.getIndicator('attacks')?.title).toBe('Confirmed attacks in Afghanistan');
    expect(t.store.catalogue.getIndicator('raids')?.bands).toHaveLength(2);
  });

  it('keeps a removed indicator that observations reference, as retired; deletes one nobody references', () => {
    t.store.observations.record(observationInput({ indicatorId: 'salaries' }), { now: NOW, actor: 'test' });
    cat.edit(
      'families/funding.yaml',
      (text) =>
        text.slice(0, text.indexOf('  - id: transfers')).replace(/ {2}- id: salaries[\s\S]*$/, '') +
        text.slice(text.indexOf('  - id: transfers'))
    );
    expect(resync()).toMatchObject({ retired: ['salaries'], removed: [] });
    expect(t.store.catalogue.getIndicator('salaries')?.retired).toBe(true);
    expect(t.store.observations.listByIndicator('salaries')).toHaveLength(1);

    cat.edit('families/funding.yaml', (text) => text.replace(/ {2}- id: transfers[\s\S]*$/, '') + FALLBACK_INDICATOR);
    expect(resync()).toMatchObject({ removed: ['transfers'] });
    expect(t.store.catalogue.getIndicator('transfers')).toBeNull();
  });

  it('brings a retired indicator back when it returns to the files', () => {
    t.store.observations.record(observationInput({ indicatorId: 'attacks' }), { now: NOW, actor: 'test' });
    cat.edit('families/tempo.yaml', (text) => text.replace('- id: attacks', '- id: attacks-renamed'));
    resync();
    expect(t.store.catalogue.getIndicator('attacks')?.retired).toBe(true);
    cat.edit('families/tempo.yaml', (text) => text.replace('- id: attacks-renamed', '- id: attacks'));
    expect(resync().updated).toContain('attacks');
    expect(t.store.catalogue.getIndicator('attacks')?.retired).toBe(false);
  });

  it('records each change in the audit log', () => {
    const before = t.store.audit.count();
    cat.edit('families/tempo.yaml', (text) => text.replace('title: Confirmed attacks', 'title: Attacks'));
    resync();
    expect(t.store.audit.count()).toBe(before + 1);
  });
});

/** A valid indicator to keep the funding family non-empty once the others are gone. */
const FALLBACK_INDICATOR = `  - id: donors
    title: Gulf donors
    lookFor: Donations from the Gulf.
    levels: [None, Few, Some, Many, Abundant]
    cadenceDays: 90
    thresholds: { fire: 4, recover: 3 }
    provenance:
      - document: doc-a.txt
        section: Money
        note: Donors.
    bands:
      decline: [1, 2]
      resurgence: [3, 5]
`;
