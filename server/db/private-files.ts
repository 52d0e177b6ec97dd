import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates a folder (and missing parents) readable by the server's user only (0700). Folders that
 * already exist are left as the operator made them; the ones created here are set explicitly,
 * whatever the process's umask.
 */
export function makePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  const first = mkdirSync(resolve(dir), { recursive: true, mode: 0o700 });
  if (!first) return;
  // mkdirSync returns the first folder it created: chmod it and every one below it.
  for (let folder = resolve(dir); folder.length >= first.length; folder = dirname(folder)) {
    chmodSync(folder, 0o700);
    if (folder === dirname(folder)) break;
  }
}

/** Creates `file` empty with mode 0600 if it does not exist, so nothing opens it wider first. */
export function touchPrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
