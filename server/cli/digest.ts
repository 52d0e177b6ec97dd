// `npm run digest -- --now`: compose and send the digest now (everything since the last one sent).
// `npm run digest -- --dry-run`: print what the next digest would say, sending and storing nothing.
// Uses the same configuration as the server (WATCHFLOOR_DB, WATCHFLOOR_SMTP_URL, …).
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { composeDigest } from '../analysis/digest.js';
import { runDigest } from '../jobs/send-digest.js';
import { createMailer } from '../mail/mailer.js';
import { digestInput } from '../services/digest-input.js';
import { runCli, withStore } from './cli-store.js';

async function main() {
  const { values } = parseArgs({ options: { now: { type: 'boolean' }, 'dry-run': { type: 'boolean' } } });
  if (!values.now && !values['dry-run']) throw new Error('usage: npm run digest -- --now | --dry-run');
  await withStore(async (store, config) => {
    if (values['dry-run']) {
      const last = store.digests.lastSent();
      const d = composeDigest(
        digestInput(store, {
          coversFrom: last?.coversTo ?? null,
          coversTo: new Date().toISOString(),
          appUrl: config.digest.publicUrl
        })
      );
      console.log(
        `Subject: ${d.subject}\nTo: ${
          store.digests
            .subscribers()
            .map((s) => s.email)
            .join(', ') || '(no subscribers)'
        }\n\n${d.text}`
      );
      return;
    }
    const mailer = createMailer({
      smtpUrl: config.digest.smtpUrl,
      outboxDir: config.digest.outboxDir,
      from: config.digest.from
    });
    try {
      const run = await runDigest(
        {
          store,
          clock: () => new Date(),
          mailer,
          appUrl: config.digest.publicUrl,
          holder: `${hostname()}:${process.pid}:cli`
        },
        { kind: 'compose', slot: null }
      );
      console.log(
        run.outcome === 'done'
          ? `Digest #${run.digestId} ${run.status}: ${run.sent} sent, ${run.failed} failed, ${run.retrying} to retry (${mailer.target}).`
          : run.outcome === 'busy'
            ? 'Another process is sending the digest right now; nothing done.'
            : 'Nothing to send.'
      );
    } finally {
      mailer.close();
    }
  });
}

runCli(main);
