// What the chart pages' loads share: a range the server refuses must not cost the reader the whole
// page, so the refusal travels to the chart beside the data instead of becoming the page's error.
import { ApiError } from './http.js';

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
