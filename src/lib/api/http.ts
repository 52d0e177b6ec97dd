import type { ErrorBody } from '$shared/index.js';

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
  return new ApiError(res.status, message, Array.isArray(body.issues) ? body.issues : []);
}

async function send<T>(fetch: Fetch, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`/api${path}`, {
    ...init,
    headers: { accept: 'application/json', ...init?.headers }
  });
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

export function getJson<T>(fetch: Fetch, path: string): Promise<T> {
  return send<T>(fetch, path);
}

export function postJson<T>(fetch: Fetch, path: string, body: unknown): Promise<T> {
  return send<T>(fetch, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
}
