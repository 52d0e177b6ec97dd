// The server's messages are written for the API's callers; a few read as jargon on a page. These
// rewrites keep the meaning and say what to do next.
const ROLE_WORDS: Record<string, string> = {
  'watch officer': 'a watch officer',
  manager: 'a manager',
  admin: 'an administrator'
};

const REWRITES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /the range holds more than (\d+) (week|month|quarter)s/,
    (m) =>
      `That date range is too long to show ${m[2]} by ${m[2]} (over ${m[1]} ${m[2]}s). Choose a shorter range, or show it by quarter.`
  ],
  [
    /^a (.+?) may not do this: it needs the role (.+)$/,
    (m) =>
      `Your role (${m[1]}) may not do this. It needs ${m[2]
        .split(' or ')
        .map((r) => ROLE_WORDS[r] ?? r)
        .join(' or ')}; ask an administrator if you should have it.`
  ],
  [/x-csrf-token/, () => 'This page’s security token is out of date. Reload the page and try again.']
];

/** The message a person reads for an API error message. */
export function plainMessage(message: string): string {
  for (const [pattern, rewrite] of REWRITES) {
    const m = message.match(pattern);
    if (m) return rewrite(m);
  }
  return message;
}
