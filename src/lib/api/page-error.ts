import { error } from '@sveltejs/kit';
import { ApiError } from './http.js';

/**
 * Rethrows a failed API call as a SvelteKit HTTP error so +error.svelte shows the server's status and
 * message (a 404 stays a 404) instead of a bare "Internal Error".
 */
export function throwPageError(e: unknown): never {
  if (e instanceof ApiError) error(e.status, e.message);
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (e instanceof TypeError) error(503, 'The Watchfloor server did not answer. Is it running?');
  throw e;
}
