/**
 * Whether a raw request path may be answered with the SPA's shell. Deliberately narrow: plain
 * segments of letters, digits, `-`, `_`, `.` and `~` (not starting with a dot), no percent
 * escapes, no empty or dot segments, and never anything under `api` in any spelling. Anything
 * else that matched no route is a plain 404, so an odd spelling of an API path never answers
 * with a page that looks like success.
 */
export function isPagePath(url: string): boolean {
  const path = url.split('?')[0];
  if (!/^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/.test(path)) return false;
  const first = path.split('/')[1] ?? '';
  return first.toLowerCase() !== 'api';
}
