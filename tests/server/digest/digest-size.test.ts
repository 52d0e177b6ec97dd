import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigest } from '../../../server/jobs/send-digest.js';
import { createMailer } from '../../../server/mail/mailer.js';
import type { Overview } from '../../../server/schemas/index.js';
import { signIn } from '../../support/sign-in.js';
import { decoded, startSmtp } from '../../support/smtp.js';
import { tempDir } from '../../support/test-catalogue.js';
import { testApp } from '../../support/test-app.js';

const MONDAY_0700 = new Date('2024-02-05T07:00:00Z');
const APP_URL = 'https://watchfloor.example.org';

// The shipped topic with its demonstration data, as a new installation sends its first digest.
/** Text as the HTML template writes it: Svelte escapes & and < in text content. */
const asText = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

describe('the first digest on the demonstration data', () => {
  let tmp: ReturnType<typeof tempDir>;
  let t: Awaited<ReturnType<typeof testApp>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let digest: { html: string; text: string; subject: string };
  let overview: Overview;

  beforeAll(async () => {
    tmp = tempDir();
    t = await testApp({
      demo: true,
      catalogueDir: 'indicators/isk',
      dbFile: join(tmp.dir, 'w.db'),
      clock: () => MONDAY_0700
    });
    await t.app.accounts.create(
      {
        username: 'ann',
        displayName: 'Ann',
        email: 'ann@example.org',
        role: 'manager',
        password: 'long-enough-test-secret'
      },
      { now: MONDAY_0700, actor: 'test' }
    );
    smtp = await startSmtp();
    const mailer = createMailer({
      smtpUrl: smtp.url,
      outboxDir: join(tmp.dir, 'outbox'),
      from: 'Watchfloor <wf@example.org>'
    });
    const run = await runDigest(
      { store: t.app.store, clock: () => MONDAY_0700, mailer, appUrl: APP_URL, holder: 'test' },
      { kind: 'compose', slot: null }
    );
    mailer.close();
    expect(run).toMatchObject({ outcome: 'done', failed: 0 });
    if (run.outcome !== 'done') throw new Error('no digest');
    digest = t.app.store.digests.get(run.digestId)!;
    overview = (await (await signIn(t.app, 'watch_officer')).inject({ method: 'GET', url: '/api/overview' })).json();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
    tmp.remove();
  });

  it('stays under 20 KB of text, HTML and text parts together', () => {
    expect(Buffer.byteLength(digest.html) + Buffer.byteLength(digest.text)).toBeLessThan(20_000);
  });

  it('opens with the leading scenario the app shows, in both parts and in the mail delivered', () => {
    const leader = overview.scenarioPicture.scenarios.find((s) => s.id === overview.scenarioPicture.leading)!;
    const firstLine = digest.text.split('\n').findIndex((l) => l.startsWith('Leading scenario:'));
    expect(digest.text.split('\n')[firstLine]).toContain(
      `Leading scenario: ${leader.title}, ${Math.round(leader.probability * 100)} %`
    );
    expect(firstLine).toBeLessThan(digest.text.indexOf('TRIPWIRES'));
    expect(digest.html).toContain(`Leading scenario: <b>${leader.title}</b>`);
    expect(digest.subject).toContain(`leading: ${leader.title}`);
    expect(decoded(smtp.received[0].raw)).toContain(leader.title);
  });

  it('lists the newest tripwires and shifts in full and counts the other warnings', () => {
    const fired = t.app.store.warnings.detectedBetween(null, MONDAY_0700.toISOString());
    const alerts = fired.filter((w) => w.kind === 'tripwire' || w.kind === 'shift');
    expect(alerts.length).toBeGreaterThan(0);
    expect(digest.text).toContain(`TRIPWIRES AND SHIFTS (${alerts.length})`);
    for (const w of alerts.slice(0, 10)) {
      expect(digest.text).toContain(`${w.kind}: ${w.cause}`);
      expect(digest.html).toContain(`<b>${w.kind}</b>: ${asText(w.cause)}`);
    }
    if (alerts.length > 10) expect(digest.text).toContain(`and ${alerts.length - 10} more: ${APP_URL}/warnings`);
    const staleness = fired.filter((w) => w.kind === 'staleness');
    expect(digest.text).toContain(`${staleness.length} staleness`);
    // Staleness is counted, never listed one by one.
    expect(digest.text).not.toMatch(/staleness: .*no observation since/);
  });

  it('counts stale indicators per family as the overview shows them', () => {
    const families = overview.families
      .map((f) => ({
        title: f.title,
        stale: f.indicators.filter((i) => i.freshness === 'stale').length,
        of: f.indicators.filter((i) => !i.retired).length
      }))
      .filter((f) => f.stale > 0);
    expect(families.length).toBeGreaterThan(0);
    for (const f of families) {
      expect(digest.text).toContain(`  ${f.title}: ${f.stale} of ${f.of}`);
      expect(digest.html).toContain(`${asText(f.title)}: ${f.stale} of ${f.of}`);
    }
  });

  it('shows at most 10 observations and links to the rest', () => {
    const shown = digest.text.split('\n').filter((l) => /^ {2}- .*: level \d, grade /.test(l));
    expect(shown).toHaveLength(10);
    const total = t.app.store.observations.recordedBetween(null, MONDAY_0700.toISOString()).length;
    expect(digest.text).toContain(`the 10 that matter most of ${total}`);
    expect(digest.text).toContain(`and ${total - 10} more: ${APP_URL}`);
    expect(digest.html).toContain(`>and ${total - 10} more</a>`);
  });
});
