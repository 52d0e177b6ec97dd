import { DEMO_ACCOUNTS } from '../auth/demo-accounts.js';
import { verifyPassword } from '../auth/passwords.js';
import type { Store } from '../db/store.js';
import type { DemoAccount } from '../schemas/index.js';
import type { Accounts } from './accounts.js';

// Whether a stored hash still matches the published demo password, remembered per hash: the check
// costs an argon2 verification, and this answers an anonymous page, so each hash is checked once.
const stillPublished = new Map<string, boolean>();

/**
 * The demonstration accounts someone can sign in with right now: only with demonstration data on,
 * only accounts that exist, are enabled, and still have the password the README publishes (an
 * administrator who changed it has made the account private).
 */
export async function usableDemoAccounts(store: Store, demoShown: boolean): Promise<DemoAccount[]> {
  if (!demoShown) return [];
  const usable: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const row = store.users.forLogin(account.username);
    if (!row || row.disabledAt !== null) continue;
    const key = `${account.username}\n${row.passwordHash}`;
    if (!stillPublished.has(key)) stillPublished.set(key, await verifyPassword(row.passwordHash, account.password));
    if (stillPublished.get(key))
      usable.push({ username: account.username, password: account.password, role: row.role });
  }
  return usable;
}

/** Creates the demonstration accounts that are missing (only ever with the demonstration data). */
export async function createDemoAccounts(store: Store, accounts: Accounts, now: Date): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (!store.users.byUsername(account.username)) await accounts.create(account, { now, actor: 'system:demo' });
  }
}
