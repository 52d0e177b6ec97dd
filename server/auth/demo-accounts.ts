import type { Role } from '../schemas/index.js';

/** Accounts for trying every role at once, created only with the demonstration data (README). */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; password: string; email: string }[] = [
  {
    username: 'demo-officer',
    displayName: 'Demo watch officer',
    role: 'watch_officer',
    password: 'officer-demo-watchfloor',
    email: 'demo-officer@watchfloor.invalid'
  },
  {
    username: 'demo-manager',
    displayName: 'Demo manager',
    role: 'manager',
    password: 'manager-demo-watchfloor',
    email: 'demo-manager@watchfloor.invalid'
  },
  {
    username: 'demo-admin',
    displayName: 'Demo administrator',
    role: 'admin',
    password: 'admin-demo-watchfloor',
    email: 'demo-admin@watchfloor.invalid'
  }
];

const DEMO_NAMES = new Set(DEMO_ACCOUNTS.map((a) => a.username));

/**
 * The demonstration accounts' names are reserved: their passwords are published, so with
 * demonstration data off they must not sign in or keep a session, even if the database holds them.
 */
export const isDemoAccount = (username: string) => DEMO_NAMES.has(username.toLowerCase());
