import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boot } from '../../../server/boot.js';
import { loadCatalogue } from '../../../server/catalogue/load-catalogue.js';
import { loadDemoAnnotations } from '../../../server/catalogue/demo-annotations.js';
import { copyOfFixtureCatalogue, REAL_CATALOGUE, tempDir } from '../../support/test-catalogue.js';

describe('demonstration annotations', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  const start = (demo = true, catalogueDir = REAL_CATALOGUE) =>
    boot({ dbFile: join(tmp.dir, 'w.db'), demo, catalogueDir, staticDir: join(tmp.dir, 'none') });

  it('come with the demonstration data on an empty database, each citing its document, and only once', async () => {
    const first = await start();
    const annotations = first.app.store.annotations.list({ includeInactive: true });
    expect(annotations.length).toBeGreaterThanOrEqual(5);
    for (const a of annotations) {
      expect(a.demo).toBe(true);
      expect(a.source).toMatch(/\[\d{3}_[0-9a-f]{16}\.txt\], ./);
    }
    expect(annotations.map((a) => a.text)).toContain(
      "Pakistan begins mass expulsions of undocumented Afghans, adding strain to the Emirate's economy"
    );
    await first.app.close();
    first.db.close();
    const again = await start();
    expect(again.app.store.annotations.count()).toBe(annotations.length);
    await again.app.close();
    again.db.close();
  });

  it('are not loaded without demonstration data', async () => {
    const { app, db } = await start(false);
    expect(app.store.annotations.count()).toBe(0);
    await app.close();
    db.close();
  });

  it('are checked before the database opens: a bad entry names its file and field', () => {
    const copy = copyOfFixtureCatalogue(tmp.dir);
    writeFileSync(
      join(copy.dir, 'demo-annotations.yaml'),
      [
        'annotations:',
        '- startsOn: 2023-02-30',
        '  text: Bad date',
        '  scope: family',
        '  familyId: no-such-family',
        '  document: missing.txt',
        '  section: Somewhere'
      ].join('\n')
    );
    expect(() => loadDemoAnnotations(loadCatalogue(copy.dir))).toThrow(
      /demo-annotations\.yaml: annotations\[0\]\.document: no document "missing\.txt"[\s\S]*annotations\[0\]\.startsOn[\s\S]*annotations\[0\]\.familyId: no family/
    );
  });
});
