// Details that screenshots showed wrong, in a real browser against the real server with demo data:
// in the dark theme text and sparklines stand out from their card and the print-ready briefing's charts
// sit on white; on a phone buttons are big enough for a finger and a table's prose column keeps a
// readable width; and times in running text name their zone (here the reader's, Paris).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.js';
import { launchBrowser, signInAs } from './support/browser.js';

/** WCAG contrast ratio of two computed CSS colours ("rgb(r, g, b)" or "rgba(…)"). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number);
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const style = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

describe('dark theme and phone details', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let dark: Page;
  let phone: Page;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
    dark = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    phone = await browser.newPage({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/Paris' });
    for (const page of [dark, phone]) page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('dark: the unsubscribe page reads light text on a dark card', async () => {
    const token = server.db
      .prepare("SELECT unsubscribe_token FROM users WHERE username = 'demo-manager'")
      .pluck()
      .get() as string;
    await dark.goto(`${server.url}/unsubscribe?token=${encodeURIComponent(token)}`);
    await dark.getByRole('button', { name: 'Unsubscribe' }).waitFor();
    const card = await style(dark, 'section.card', 'background-color');
    expect(contrast(await style(dark, 'section.card p', 'color'), card)).toBeGreaterThanOrEqual(4.5);
    expect(
      contrast(
        await style(dark, 'section.card button', 'color'),
        await style(dark, 'section.card button', 'background-color')
      )
    ).toBeGreaterThanOrEqual(4.5);
  });

  it('dark: the overview’s sparklines stand out from their card', async () => {
    await signInAs(dark, server.url, 'manager', '/');
    const line = dark.locator('svg path.seg:not(.carried)').first();
    await line.waitFor();
    const stroke = await line.evaluate((el) => getComputedStyle(el).stroke);
    expect(contrast(stroke, await style(dark, 'table', 'background-color'))).toBeGreaterThanOrEqual(3);
  });

  it('dark: the briefing’s charts, drawn for paper, sit on white', async () => {
    await dark.goto(`${server.url}/briefing?from=2023-02-01&to=2024-01-31`);
    await dark.locator('.canvas-box canvas').first().waitFor();
    expect(await style(dark, '.canvas-box', 'background-color')).toBe('rgb(255, 255, 255)');
  });

  it('phone: every button on the warnings page is big enough for a finger', async () => {
    await signInAs(phone, server.url, 'manager', '/warnings');
    await phone.getByRole('button', { name: 'Acknowledge' }).first().waitFor();
    const small = await phone.evaluate(() =>
      [...document.querySelectorAll('main button:not(.link)')]
        .map((b) => ({ text: b.textContent?.trim(), box: b.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.height < 24 || box.width < 24))
        .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`)
    );
    expect(small).toEqual([]);
  });

  it("phone: a source's grade history keeps its reason readable, scrolling sideways instead", async () => {
    const id = server.db.prepare('SELECT id FROM sources ORDER BY id LIMIT 1').pluck().get() as number;
    await phone.goto(`${server.url}/sources/${id}`);
    const why = phone.getByTestId('grade-history').locator('tbody td').nth(1);
    await why.waitFor();
    expect((await why.boundingBox())!.width).toBeGreaterThanOrEqual(150);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  });

  it("phone: the briefing's evidence keeps each rationale readable", async () => {
    await phone.goto(`${server.url}/briefing?from=2023-02-01&to=2024-01-31`);
    const rationale = phone.getByTestId('briefing-evidence').first().locator('tbody td').nth(4);
    await rationale.waitFor({ state: 'attached' });
    expect((await rationale.boundingBox())!.width).toBeGreaterThanOrEqual(150);
  });

  it("times in running text name the reader's zone: the next digest's period", async () => {
    await phone.goto(`${server.url}/digests/preview`);
    const lead = phone.locator('main p.lead');
    await lead.waitFor();
    expect(await lead.textContent()).toMatch(/covering .*\d\d:\d\d UTC\+[12]/);
  });
});
