import type { AuditEntry, DemoAccount, Me, Role, User } from '$shared/index.js';
import { getJson, patchJson, postJson, setCsrfToken, type Fetch } from './http.js';

/** The signed-in person and the session's CSRF token; null when nobody is signed in. */
export async function getMe(fetch: Fetch): Promise<Me | null> {
  const res = await fetch('/api/auth/me', { headers: { accept: 'application/json' } });
  if (res.status === 401) return null;
  const me = (await res.json()) as Me;
  setCsrfToken(me.csrfToken);
  return me;
}

export async function signIn(fetch: Fetch, username: string, password: string): Promise<Me> {
  const me = await postJson<Me>(fetch, '/auth/login', { username, password });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function signOut(fetch: Fetch): Promise<void> {
  await postJson<void>(fetch, '/auth/logout');
  setCsrfToken(null);
}

/** What each role may do, as the server enforces it; the UI hides the rest. */
export const can = {
  record: (role: Role | undefined) => role === 'watch_officer' || role === 'admin',
  manageSources: (role: Role | undefined) => role === 'watch_officer' || role === 'admin',
  acknowledge: (role: Role | undefined) => role === 'manager' || role === 'admin',
  administer: (role: Role | undefined) => role === 'admin'
};

export const ROLE_LABEL: Record<Role, string> = {
  watch_officer: 'Watch officer',
  manager: 'Manager',
  admin: 'Administrator'
};

export const listUsers = (fetch: Fetch) => getJson<User[]>(fetch, '/users');
export const createUser = (
  fetch: Fetch,
  body: { username: string; displayName: string; email?: string; role: Role; password: string }
) => postJson<User>(fetch, '/users', body);
export const updateUser = (
  fetch: Fetch,
  id: number,
  body: { role?: Role; disabled?: boolean; displayName?: string; email?: string | null }
) => patchJson<User>(fetch, `/users/${id}`, body);
export const resetPassword = (fetch: Fetch, id: number, password: string) =>
  postJson<void>(fetch, `/users/${id}/password`, { password });

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}
const auditQuery = (f: AuditFilter) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]).toString();
export const listAudit = (fetch: Fetch, f: AuditFilter) => getJson<AuditEntry[]>(fetch, `/audit?${auditQuery(f)}`);
export const auditCsvUrl = (f: AuditFilter) => `/api/audit.csv?${auditQuery(f)}`;

/** Demonstration accounts to try (public; empty without demonstration data). A failure only hides the list. */
export async function listDemoAccounts(fetch: Fetch): Promise<DemoAccount[]> {
  try {
    return (await getJson<{ accounts: DemoAccount[] }>(fetch, '/auth/demo-accounts')).accounts;
  } catch {
    return [];
  }
}
