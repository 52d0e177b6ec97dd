// The catalogue is data: loaded with another topic (the test fixture: "Test watch", levels from
// calm to alarming), the app speaks that topic's words, not the shipped one's.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInAs } from './support/browser.js';
import { FIXTURE_CATALOGUE } from '../support/test-catalogue.js';
import { startTestServer } from '../support/test-server.js';

describe('another watch topic', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ demo: true, catalogueDir: FIXTURE_CATALOGUE });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await signInAs(page, server.url, 'manager', '/');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the overview names the topic and its own level words', async () => {
    await page.getByRole('heading', { level: 1, name: 'Test watch' }).waitFor();
    const main = (await page.locator('main').textContent())!;
    expect(main).toContain('from 1 (strongly calm) through 3 (baseline) to 5 (strongly alarming)');
    expect(main).not.toContain('against resurgence');
  });

  it("a scenario's page describes its bands on the topic's scale", async () => {
    await page.goto(`${server.url}/scenarios/decline`);
    await page.getByText('(1 calm – 5 alarming)').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('toward resurgence');
  });
});
