import { UNSUBSCRIBE_PLACEHOLDER } from '../analysis/digest-model.js';

/**
 * A link target fit for mail: http(s) addresses and the per-reader unsubscribe placeholder pass;
 * anything else (javascript:, data:, a malformed address) becomes an inert "#". Escaping makes
 * text harmless, but an attribute that is a URL needs its scheme checked as well.
 */
export function safeHref(url: string): string {
  if (url === UNSUBSCRIBE_PLACEHOLDER) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : '#';
  } catch {
    return '#';
  }
}
