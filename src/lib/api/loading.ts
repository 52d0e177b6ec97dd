// Helpers for the analysis pages' loads. Kept apart from page-error.ts, which the session work also edits.
import { ApiError } from './http.js';

/** Key of every load showing warnings; invalidate it after acknowledging one. */
export const WARNINGS_DEPENDENCY = 'app:warnings';

/** Key of every load showing sources; invalidate it after creating or grading one. */
export const SOURCES_DEPENDENCY = 'app:sources';

/**
 * A range the server refuses (too many weeks, from after to) is the chart's problem, not the page's:
 * a 400 comes back as `refusal` for the chart to explain, anything else is thrown.
 */
export async function refusalOr<T>(request: Promise<T>): Promise<{ value: T | null; refusal: string | null }> {
  try {
    return { value: await request, refusal: null };
  } catch (e) {
    if (e instanceof ApiError && e.status === 400) {
      return { value: null, refusal: e.issues.map((i) => i.message).join('; ') || e.message };
    }
    throw e;
  }
}
