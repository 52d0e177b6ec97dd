// Annotations on the charts in a real browser (demo data on): the documents' key events are drawn
// on every chart in their scope, and a note an officer adds appears on its indicator's chart.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../server/services/annotations.js';
import { openSignedIn, RESULTS, type SignedInSession } from './support/browser.js';

describe('annotations on charts', () => {
  let session: SignedInSession;
  beforeAll(async () => {
    session = await openSignedIn('watch_officer');
  });
  afterAll(() => session?.close());

  it('draws a new indicator note and the all-charts events on the indicator chart, listed under it', async () => {
    const { page, server } = session;
    const indicator = server.app.store.catalogue.listIndicators().find((i) => i.family.id === 'external-pressure')!;
    createAnnotation(
      server.app.store,
      {
        startsOn: '2023-06-15',
        text: 'Browser test: border crossing closed for a week',
        scope: 'indicator',
        indicatorId: indicator.id,
        source: 'Browser test desk'
      },
      { now: new Date(), actor: 'test', userId: null }
    );

    await page.goto(`${server.url}/indicators/${indicator.id}?from=2023-01-01&to=2024-03-31`);
    const chart = page.getByTestId('trend-chart');
    await chart.locator('canvas').waitFor();
    const notes = page.getByTestId('chart-annotations');
    await notes.getByText('Browser test: border crossing closed for a week').waitFor();
    await notes.getByText(/Pakistan begins mass expulsions/).waitFor();
    expect(Number(await chart.getAttribute('data-annotations'))).toBe(await notes.locator('li').count());
    await chart.screenshot({ path: join(RESULTS, 'indicator-annotations.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await chart.screenshot({ path: join(RESULTS, 'indicator-annotations-390.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lets an officer add a range note from the indicator page; it appears on the chart at once', async () => {
    const { page } = session;
    const chart = page.getByTestId('trend-chart');
    const before = Number(await chart.getAttribute('data-annotations'));
    await page.getByText('Add an annotation to the charts').click();
    const form = page.getByRole('form', { name: 'Add an annotation' });
    await form.getByRole('button', { name: 'Add annotation' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByLabel('What happened').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Date').fill('2023-07-01');
    await form.getByLabel('Until (for a range)').fill('2023-07-31');
    await form.getByLabel('What happened').fill('Browser test: a month of border clashes');
    await form.getByLabel(/^Source(?! address)/).fill('Browser test desk');
    await form.getByRole('button', { name: 'Add annotation' }).click();
    await form.getByRole('status').waitFor();
    await page.getByTestId('chart-annotations').getByText('Browser test: a month of border clashes').waitFor();
    await expect.poll(async () => Number(await chart.getAttribute('data-annotations'))).toBe(before + 1);
    await page.screenshot({ path: join(RESULTS, 'annotation-form.png'), fullPage: true });
  });

  it('shows the all-charts events on the scenario chart, and a family’s events on its chart', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/scenarios?from=2023-01-01&to=2024-03-31`);
    const probabilities = page.getByTestId('probability-chart');
    await probabilities.locator('canvas').waitFor();
    await probabilities
      .getByTestId('chart-annotations')
      .getByText(/Pakistan begins mass expulsions/)
      .waitFor();
    expect(await probabilities.getByText(/Chitral/).count()).toBe(0);
    await page.screenshot({ path: join(RESULTS, 'scenarios-annotations.png'), fullPage: true });

    await page.goto(`${server.url}/families/ttp-alignment?from=2023-01-01&to=2024-03-31`);
    const family = page.getByTestId('family-chart');
    await family
      .getByTestId('chart-annotations')
      .getByText(/Chitral/)
      .waitFor();
  });
});
