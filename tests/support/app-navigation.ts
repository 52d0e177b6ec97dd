// SvelteKit's `$app/navigation` for rune state tests: SvelteKit's runtime exists only inside a
// running SvelteKit app, so this stand-in keeps a log of what was asked of it for tests to read.

/** Every dependency key invalidated and every URL navigated to, in order. */
export const navigationLog: { invalidated: string[]; visited: string[] } = { invalidated: [], visited: [] };

export async function invalidate(key: string | URL | ((url: URL) => boolean)): Promise<void> {
  navigationLog.invalidated.push(String(key));
}

export async function goto(url: string | URL): Promise<void> {
  navigationLog.visited.push(String(url));
}
