import { boot } from './boot.js';
import { CatalogueError } from './catalogue/catalogue-error.js';
import { ConfigError, loadConfig } from './config.js';
import { MigrationError } from './db/migrate.js';
import { hostname } from 'node:os';
import { createMailer } from './mail/mailer.js';

async function main() {
  const config = loadConfig();
  const mailer = createMailer({
    smtpUrl: config.digest.smtpUrl,
    outboxDir: config.digest.outboxDir,
    from: config.digest.from
  });
  const { app, db, report } = await boot(
    { ...config, publicUrl: config.digest.publicUrl },
    {
      logger: { level: config.logLevel },
      schedule: {
        warningsCron: config.warningsCron,
        timezone: config.timezone,
        digest: {
          cron: config.digest.cron,
          deps: { mailer, appUrl: config.digest.publicUrl, holder: `${hostname()}:${process.pid}` }
        }
      }
    }
  );
  app.addHook('onClose', async () => mailer.close());
  app.log.info(`weekly digest: "${config.digest.cron}" (${config.timezone}) to ${mailer.target}`);
  const { catalogue: c } = report;
  app.log.info(
    `database ${config.dbFile}: ${report.migrationsApplied.length} migration(s) applied; catalogue ${c.indicators} indicators, ` +
      `${c.scenarios} scenarios (added ${c.added.length}, updated ${c.updated.length}, retired ${c.retired.length}, removed ${c.removed.length})` +
      (report.demoLoaded ? `; ${report.demoLoaded} demonstration observations loaded` : '')
  );

  if (report.users === 0) {
    console.log(
      'No accounts yet. Create the first administrator with:\n' +
        '  npm run users -- add <username> --role admin --email <address>\n' +
        '(it asks for the password; see the README, "Accounts").'
    );
  } else if (report.demoLoaded > 0) {
    console.log('Demonstration accounts: demo-officer, demo-manager, demo-admin (passwords in the README).');
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: closing the server, then the database`);
    await app.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`Watchfloor is serving http://${config.host}:${(app.server.address() as { port: number }).port}`);
}

main().catch((err) => {
  const expected = err instanceof CatalogueError || err instanceof ConfigError || err instanceof MigrationError;
  console.error(expected ? err.message : err);
  process.exit(1);
});
