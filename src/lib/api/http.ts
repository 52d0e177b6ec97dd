import type { ErrorBody } from '$shared/index.js';
import { goto } from '$app/navigation';
import { plainMessage } from './plain-errors.js';

/** The `fetch` SvelteKit hands to `load`, or the window's: both have this shape. */
export type Fetch = typeof fetch;

export type Issue = NonNullable<ErrorBody['issues']>[number];

/** A non-2xx answer from the API, with the server's message and any per-field issues. */
export class ApiError extends Error {
  readonly status: number;
  readonly issues: Issue[];

  constructor(status: number, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.issues = issues;
  }
}

/** Turns an error response into an ApiError; tolerates bodies that are not the usual `{ message, issues }`. */
export async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> = {};
  try {
    body = (await res.json()) as Partial<ErrorBody>;
  } catch {
    // A proxy or crash page may answer with HTML; fall back to the status line.
  }
  const message = typeof body.message === 'string' ? body.message : `${res.status} ${res.statusText}`.trim();
  const issues = Array.isArray(body.issues) ? body.issues.map((i) => ({ ...i, message: plainMessage(i.message) })) : [];
  return new ApiError(res.status, plainMessage(message), issues);
}

// The session's CSRF token, echoed on every state-changing request (set at sign-in and by /auth/me).
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
/** For requests sent without `fetch` (an upload that reports its progress). */
export const getCsrfToken = () => csrfToken;

/** Where an expired session sends the analyst, coming back to the same page afterwards. */
export function loginUrl(): string {
  const here = `${location.pathname}${location.search}`;
  return here.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

async function send<T>(fetch: Fetch, path: string, init?: RequestInit): Promise<T> {
  const unsafe = init?.method !== undefined && init.method !== 'GET';
  const res = await fetch(`/api${path}`, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(unsafe && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      ...init?.headers
    }
  });
  if (res.status === 401 && !path.startsWith('/auth/')) {
    // The session ended (idle, expired, revoked): sign in again, then come back here. The root
    // layout may already be on its way to /login (a first visit); then there is nothing to do.
    if (!location.pathname.startsWith('/login')) void goto(loginUrl());
    throw new ApiError(401, 'Your session has ended: sign in again.');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export function getJson<T>(fetch: Fetch, path: string): Promise<T> {
  return send<T>(fetch, path);
}

export function postJson<T>(fetch: Fetch, path: string, body?: unknown): Promise<T> {
  return sendJson<T>(fetch, 'POST', path, body);
}

export function patchJson<T>(fetch: Fetch, path: string, body: unknown): Promise<T> {
  return sendJson<T>(fetch, 'PATCH', path, body);
}

export function putJson<T>(fetch: Fetch, path: string, body: unknown): Promise<T> {
  return sendJson<T>(fetch, 'PUT', path, body);
}

export function deleteJson<T>(fetch: Fetch, path: string): Promise<T> {
  return send<T>(fetch, path, { method: 'DELETE' });
}

function sendJson<T>(fetch: Fetch, method: string, path: string, body: unknown): Promise<T> {
  return send<T>(fetch, path, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  });
}
