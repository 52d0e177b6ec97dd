// The import page in a real browser against the real server (demo data on): a file with bad rows
// is reported line by line and cannot be imported; a clean file is checked, confirmed and written.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, RESULTS, type SignedInSession } from './support/browser.js';

const HEADER = 'indicatorId,observedAt,level,quantity,rationale,source,reliability,credibility';

describe('import page', () => {
  let session: SignedInSession;
  let page: Page;
  let indicatorId: string;

  beforeAll(async () => {
    session = await openSignedIn('watch_officer');
    page = session.page;
    indicatorId = session.server.app.store.catalogue.listIndicators()[0].id;
  });
  afterAll(() => session?.close());

  const choose = (name: string, text: string) =>
    page.getByLabel('File (CSV or JSON)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

  it('reports a file with bad rows by line and field, and offers no import', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import observations' }).waitFor();
    await choose(
      'bad.csv',
      [
        HEADER,
        `${indicatorId},2023-05-01,3,,Browser import: a good row,Browser import desk,B,2`,
        `${indicatorId},2023-05-08,8,,Browser import: level out of range,Browser import desk,B,2`,
        `no-such-indicator,2023-05-15,2,,Browser import: unknown indicator,Browser import desk,B,2`
      ].join('\n')
    );
    const rejected = page.getByTestId('import-rejected');
    await rejected.waitFor();
    const rows = await rejected.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('3');
    expect(rows[0]).toContain('must be at most 5');
    expect(rows[1]).toContain('no indicator "no-such-indicator"');
    expect(await page.getByRole('button', { name: /^Import \d+ observation/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'import-rejected.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(RESULTS, 'import-rejected-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('checks a clean file, then imports it on confirmation', async () => {
    const before = session.server.app.store.observations.listByIndicator(indicatorId).length;
    await choose(
      'good.csv',
      [
        HEADER,
        `${indicatorId},2023-05-01,3,,Browser import: a good row,Browser import desk,B,2`,
        `${indicatorId},2023-05-22,4,7,"Browser import: a second row, with a comma",Browser import desk,B,2`
      ].join('\n')
    );
    const confirm = page.getByRole('button', { name: 'Import 2 observations' });
    await confirm.waitFor();
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    expect(await page.getByTestId('import-summary').textContent()).toContain('0 problems');
    await confirm.click();
    await page.getByTestId('import-done').filter({ hasText: 'Imported 2 observations' }).waitFor();
    expect(session.server.app.store.observations.listByIndicator(indicatorId).length).toBe(before + 2);
    await page.screenshot({ path: join(RESULTS, 'import-done.png'), fullPage: true });
  });
});
