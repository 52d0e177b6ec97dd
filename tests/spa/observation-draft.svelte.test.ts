// The record form's state (ObservationDraft) against the real API: what an analyst sees before
// typing, the problems the server names beside each field, and the form after a reading is kept.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OBSERVATIONS_DEPENDENCY } from '../../src/lib/api/dependencies.js';
import { setCsrfToken } from '../../src/lib/api/http.js';
import { ObservationDraft } from '../../src/routes/indicators/[id]/observation-draft.svelte.js';
import { SESSION_COOKIE } from '../../server/auth/auth-plugin.js';
import type { SourceSummary } from '../../server/schemas/index.js';
import { navigationLog } from '../support/app-navigation.js';
import { signIn } from '../support/sign-in.js';
import { startTestServer } from '../support/test-server.js';

const TODAY = '2024-02-01';

describe('ObservationDraft', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let indicatorId: string;
  let source: SourceSummary;
  let pageFetch: typeof fetch;
  beforeAll(async () => {
    server = await startTestServer({ demo: false, clock: () => new Date(`${TODAY}T09:00:00Z`) });
    const officer = await signIn(server.app, 'watch_officer');
    indicatorId = server.app.store.catalogue.listIndicators()[0].id;
    // The page's fetch, as the browser sends it: same origin, the session cookie, the CSRF token.
    pageFetch = (path: string | URL | Request, init: RequestInit = {}) =>
      realFetch(`${server.url}${String(path)}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), cookie: `${SESSION_COOKIE}=${officer.cookie}` }
      });
    vi.stubGlobal('fetch', pageFetch);
    setCsrfToken(officer.csrfToken);
    const created = await draftFor().submitNewSource('Harbour master', 'https://example.org/harbour');
    source = server.app.store.sources.list().find((s) => s.id === created.source.id)!;
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await server?.close();
  });
  beforeEach(() => {
    navigationLog.invalidated.length = 0;
  });

  const realFetch = globalThis.fetch;
  const draftFor = (hasSources = true, hasQuantity = false) => {
    const draft = new ObservationDraft(
      indicatorId,
      () => TODAY,
      hasQuantity,
      () => hasSources
    );
    return Object.assign(draft, {
      /** Fills the form in as an analyst would, naming a new source, and records it. */
      async submitNewSource(title: string, url: string) {
        draft.sourceMode = 'new';
        Object.assign(draft, { level: 2, rationale: 'Seen at the quay', sourceTitle: title, sourceUrl: url });
        Object.assign(draft, { reliability: 'B', credibility: 2 });
        expect(await draft.submit(), draft.failure ?? '').toBe(true);
        return draft.recorded!;
      }
    });
  };

  it("opens on today's date with everything else blank, a known source asked for when the register has one", () => {
    const draft = draftFor();
    expect(draft.observedAt).toBe(TODAY);
    expect([draft.level, draft.quantity, draft.sourceId, draft.supersedes]).toEqual([null, null, null, null]);
    expect([draft.rationale, draft.sourceTitle, draft.reliability, draft.credibility]).toEqual(['', '', '', '']);
    expect(draft.sourceMode).toBe('known');
    expect(draftFor(false).sourceMode).toBe('new');
    expect([draft.saving, draft.failure, draft.recorded, draft.fieldErrors]).toEqual([false, null, null, {}]);
  });

  it('sends an empty form and shows each problem beside its field, the missing source beside the picker', async () => {
    const draft = draftFor();
    draft.observedAt = '';
    expect(await draft.submit()).toBe(false);
    expect(Object.keys(draft.fieldErrors).sort()).toEqual(
      ['credibility', 'level', 'observedAt', 'rationale', 'reliability', 'sourceId'].sort()
    );
    expect(draft.fieldErrors.rationale).toEqual([expect.stringMatching(/required/)]);
    expect(draft.failure).toBeTruthy();
    expect(draft.recorded).toBeNull();
    expect(navigationLog.invalidated).toEqual([]);
  });

  it('asks for a new source by its title when the analyst is naming one', async () => {
    const draft = draftFor();
    draft.sourceMode = 'new';
    expect(await draft.submit()).toBe(false);
    expect(draft.fieldErrors['source.title']).toBeDefined();
    expect(draft.fieldErrors.sourceId).toBeUndefined();
  });

  it("takes a known source's grade as the likely reliability, records, then clears the form and refreshes the page", async () => {
    const draft = draftFor();
    draft.pickSource({ ...source, reliability: 'A' });
    expect([draft.sourceId, draft.reliability]).toEqual([source.id, 'A']);
    Object.assign(draft, { level: 3, rationale: 'Two convoys', credibility: 1, quantity: 7 });
    expect(await draft.submit(), draft.failure ?? '').toBe(true);
    expect(draft.recorded).toMatchObject({ indicatorId, level: 3, rationale: 'Two convoys', reliability: 'A' });
    // The indicator records no quantity, so a figure typed in passing is not sent.
    expect(draft.recorded!.quantity).toBeNull();
    expect([draft.level, draft.rationale, draft.sourceId, draft.reliability]).toEqual([null, '', null, '']);
    expect([draft.observedAt, draft.failure, draft.fieldErrors]).toEqual([TODAY, null, {}]);
    expect(navigationLog.invalidated).toEqual([OBSERVATIONS_DEPENDENCY]);
  });

  it('pre-fills a correction from the reading it supersedes, and the correction replaces it', async () => {
    const original = await draftFor().submitNewSource('Port log', '');
    const draft = draftFor();
    draft.correct(original);
    expect(draft).toMatchObject({ supersedes: original, level: original.level, sourceMode: 'known' });
    expect([draft.sourceId, draft.rationale, draft.observedAt]).toEqual([
      original.source.id,
      original.rationale,
      original.observedAt
    ]);
    draft.level = 1;
    expect(await draft.submit(), draft.failure ?? '').toBe(true);
    expect(draft.recorded).toMatchObject({ supersedes: original.id, level: 1 });
    expect(draft.supersedes).toBeNull();
  });

  it('says plainly when the server cannot be reached, and keeps what was typed', async () => {
    const draft = draftFor();
    draft.rationale = 'Typed before the line dropped';
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    try {
      expect(await draft.submit()).toBe(false);
    } finally {
      vi.stubGlobal('fetch', pageFetch);
    }
    expect(draft.failure).toBe('The server could not be reached; nothing was recorded.');
    expect(draft.rationale).toBe('Typed before the line dropped');
    expect(draft.saving).toBe(false);
  });
});
