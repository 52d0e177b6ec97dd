// Correcting and retiring an annotation where it is listed, in a real browser (demo data on): the
// correction replaces it on the chart, a retired one leaves it, both stay on record; a manager,
// who may not, is offered neither.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../server/services/annotations.js';
import { openSignedIn, RESULTS, signInAs, type SignedInSession } from './support/browser.js';

describe('correcting and retiring annotations', () => {
  let session: SignedInSession;
  let indicatorId: string;
  let noteId: number;
  beforeAll(async () => {
    session = await openSignedIn('watch_officer');
    const { store } = session.server.app;
    indicatorId = store.catalogue.listIndicators().find((i) => i.family.id === 'external-pressure')!.id;
    noteId = createAnnotation(
      store,
      {
        startsOn: '2023-06-15',
        text: 'Browser test: crossing closed',
        scope: 'indicator',
        indicatorId,
        source: 'Desk'
      },
      { now: new Date(), actor: 'test', userId: null }
    ).id;
  });
  afterAll(() => session?.close());

  const notes = () => session.page.getByTestId('trend-chart').getByTestId('chart-annotations');

  it('corrects a note from the list under the chart; the chart shows the correction', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/indicators/${indicatorId}?from=2023-01-01&to=2024-03-31`);
    await notes().getByText('Browser test: crossing closed').waitFor();
    const before = Number(await page.getByTestId('trend-chart').getAttribute('data-annotations'));
    await notes()
      .getByRole('button', { name: /^Correct annotation \d+: Browser test: crossing closed$/ })
      .click();
    const form = page.getByRole('form', { name: 'Correct the annotation' });
    expect(await form.getByLabel('What happened').inputValue()).toBe('Browser test: crossing closed');
    await form.getByLabel('What happened').fill('');
    await form.getByRole('button', { name: 'Save correction' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByLabel('What happened').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('What happened').fill('Browser test: crossing closed for two weeks');
    await form.getByLabel('Until (for a range)').fill('2023-06-29');
    await form.getByRole('button', { name: 'Save correction' }).click();
    await notes().getByText('Browser test: crossing closed for two weeks').waitFor();
    expect(await notes().getByText('Browser test: crossing closed', { exact: true }).count()).toBe(0);
    expect(Number(await page.getByTestId('trend-chart').getAttribute('data-annotations'))).toBe(before);
    const original = server.app.store.annotations.get(noteId)!;
    expect(original.supersededBy).not.toBeNull();
    expect(server.app.store.annotations.get(original.supersededBy!)).toMatchObject({
      endsOn: '2023-06-29',
      scope: 'indicator',
      indicatorId
    });
    await page.screenshot({ path: join(RESULTS, 'annotation-corrected.png'), fullPage: true });
  });

  it('retires a note with a reason; it leaves the chart and stays on record', async () => {
    const { page, server } = session;
    const before = Number(await page.getByTestId('trend-chart').getAttribute('data-annotations'));
    await notes()
      .getByRole('button', { name: /^Retire annotation \d+: Browser test: crossing closed for two weeks$/ })
      .click();
    const form = page.getByRole('form', { name: 'Retire the annotation' });
    await form.getByLabel('Why retire it').fill('Duplicate of the wire report');
    await form.getByRole('button', { name: 'Retire annotation' }).click();
    await expect
      .poll(async () => Number(await page.getByTestId('trend-chart').getAttribute('data-annotations')))
      .toBe(before - 1);
    expect(await notes().getByText('Browser test: crossing closed for two weeks').count()).toBe(0);
    const corrected = server.app.store.annotations.get(server.app.store.annotations.get(noteId)!.supersededBy!)!;
    expect(corrected.retired?.reason).toBe('Duplicate of the wire report');
    const actions = server.app.store.audit.list({ entity: 'annotation', limit: 10 }).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['annotation.correct', 'annotation.retire']));
  });

  it('offers a manager neither', async () => {
    const { browser, server } = session;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(page, server.url, 'manager', `/scenarios?from=2023-01-01&to=2024-03-31`);
    await page
      .getByTestId('probability-chart')
      .getByTestId('chart-annotations')
      .getByText(/Pakistan begins mass expulsions/)
      .waitFor();
    expect(await page.getByRole('button', { name: /^(Correct|Retire) annotation/ }).count()).toBe(0);
    await page.close();
  });
});
