// The briefing in a real browser (demo data on): it prints to PDF with Chromium's page.pdf, the
// print stylesheet hides the app around the document, and the headings are the document's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, RESULTS, type SignedInSession } from './support/browser.js';

const RANGE = 'from=2023-02-01&to=2024-01-31';
const HEADINGS = ['Scenario picture', 'Key indicators', 'Open warnings', 'Evidence behind the moves'];

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object each (`/Pages` is the tree). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe('briefing', () => {
  let session: SignedInSession;
  beforeAll(async () => {
    session = await openSignedIn('manager');
  });
  afterAll(() => session?.close());

  it('is linked from the scenarios page with the range chosen', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/scenarios?${RANGE}&period=month`);
    const link = page.getByRole('link', { name: 'Briefing for this range' });
    expect(await link.getAttribute('href')).toBe(`/briefing?${RANGE}`);
    await link.click();
    await page.waitForURL(/\/briefing\?/);
    await page.getByRole('heading', { level: 1, name: /^Briefing:/ }).waitFor();
  });

  it('shows the scenario picture with confidence, charts with notes, warnings and graded evidence', async () => {
    const { page } = session;
    await page.getByTestId('briefing-scenarios').waitFor();
    expect(await page.getByTestId('confidence').count()).toBe(2);
    const indicators = page.getByTestId('briefing-indicator');
    expect(await indicators.count()).toBeGreaterThan(0);
    expect(await indicators.locator('canvas').count()).toBe(await indicators.count());
    // The documents' key events of the range are drawn on the scenario chart and listed under it.
    expect(await page.getByTestId('chart-annotations').first().locator('li').count()).toBeGreaterThan(0);
    const evidence = page.getByTestId('briefing-evidence').first();
    expect(await evidence.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await evidence.locator('tbody tr').first().textContent()).toMatch(/[A-F][1-6]/);
  });

  it('prints to a clean A4 PDF: no menu or buttons, a page per section, the headings in order', async () => {
    const { page } = session;
    await page.emulateMedia({ media: 'print' });
    const shown = async (selector: string) =>
      page
        .locator(selector)
        .evaluateAll(
          (els) =>
            els.filter((e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).display !== 'none').length
        );
    expect(await page.locator('body > * > header').evaluate((e) => getComputedStyle(e).display)).toBe('none');
    expect(await shown('main button')).toBe(0);
    const headings = await page
      .locator('main h1, main h2')
      .evaluateAll((els) =>
        els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.textContent?.trim())
      );
    expect(headings[0]).toMatch(/^Briefing:/);
    expect(headings.slice(1)).toEqual(HEADINGS);
    const breaks = await page
      .locator('main section')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
    expect(breaks).toEqual(HEADINGS.map(() => 'page'));

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(RESULTS, 'briefing.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pageCount(pdf);
    // A page per section at least, and a briefing, not a book.
    expect(pages).toBeGreaterThanOrEqual(HEADINGS.length);
    expect(pages).toBeLessThanOrEqual(20);
    // Paper is light whatever the screen's theme.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(
      await page
        .locator('table')
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor)
    ).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  });

  it('explains a range the server refuses instead of failing the page', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/briefing?from=2024-02-01&to=2023-01-01`);
    await page.getByText('The server cannot brief on this range.').waitFor();
  });
});
