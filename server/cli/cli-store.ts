// What every command shares: the server's configuration and start-up, a store, a clean close,
// and an error that reaches the terminal as one line and a non-zero exit.
import { loadConfig, type Config } from '../config.js';
import { createStore, type Store } from '../db/store.js';
import { openTopicDb } from '../open-topic-db.js';

/** Opens WATCHFLOOR_DB as a start would (migrated, catalogue synchronised), hands over a store, closes it. */
export async function withStore<T>(use: (store: Store, config: Config) => T | Promise<T>): Promise<T> {
  const config = loadConfig();
  const { db } = openTopicDb(config, new Date());
  try {
    return await use(createStore(db, { includeDemo: config.demo }), config);
  } finally {
    db.close();
  }
}

/** Runs a command's main; a failure prints its message (no stack) after `cleanUp` and exits 1. */
export function runCli(main: () => unknown, cleanUp: () => void = () => {}): void {
  Promise.resolve()
    .then(main)
    .catch((err: unknown) => {
      cleanUp();
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
