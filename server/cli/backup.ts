// `npm run backup -- <file>`: a consistent copy of the database WATCHFLOOR_DB names, taken with
// SQLite's online backup API while the server keeps serving and writing. The copy is checked
// (`PRAGMA integrity_check`) before the command reports success. Restore: README, "Reliability".
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { makePrivateDir, touchPrivateFile } from '../db/private-files.js';
import { runCli } from './cli-store.js';

const USAGE = 'usage: npm run backup -- <file>   (the file must not exist yet)';

async function main() {
  const [target] = process.argv.slice(2);
  if (!target) throw new Error(USAGE);
  const config = loadConfig();
  if (config.dbFile === ':memory:' || !existsSync(config.dbFile))
    throw new Error(`no database at ${config.dbFile} (WATCHFLOOR_DB)`);
  const copy = resolve(target);
  if (existsSync(copy)) throw new Error(`${copy} already exists: choose a new file\n${USAGE}`);
  // The copy holds password hashes and sessions too: the server's user's alone, like the original.
  makePrivateDir(dirname(copy));
  touchPrivateFile(copy);
  const source = new Database(config.dbFile, { readonly: true, fileMustExist: true });
  source.pragma('busy_timeout = 5000');
  try {
    const started = process.hrtime.bigint();
    // Pages are copied in steps; a write by the server in between restarts the copy from the start.
    const { totalPages } = await source.backup(copy);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const check = new Database(copy, { readonly: true });
    const verdict = check.pragma('integrity_check', { simple: true });
    check.close();
    if (verdict !== 'ok') throw new Error(`the copy failed its integrity check: ${verdict}`);
    console.log(
      `Backed up ${config.dbFile} to ${copy}: ${totalPages} pages in ${ms.toFixed(0)} ms; integrity check ok.`
    );
  } finally {
    source.close();
  }
}

runCli(main);
