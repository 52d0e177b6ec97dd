// Mail markup comes from Svelte components rendered on the server, where every interpolation is
// escaped unless a template asks otherwise (ours never do). The server runs under tsx, which does
// not compile .svelte files, so a template is compiled once when its module loads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Component } from 'svelte';
import { compile } from 'svelte/compiler';
import { render } from 'svelte/server';

/**
 * Compiles a .svelte file for the server and loads it. The compiled module's own imports (Svelte's
 * runtime only: templates take plain props and import no code of ours) are pointed at the same
 * files this module resolves, so the component and `render` share one runtime.
 */
export async function loadTemplate<Props extends Record<string, unknown>>(file: URL): Promise<Component<Props>> {
  const { js } = compile(readFileSync(file, 'utf8'), { generate: 'server', filename: fileURLToPath(file) });
  const code = js.code.replace(
    /from\s+(['"])(svelte(?:\/[^'"]*)?)\1/g,
    (_m, _q, specifier: string) => `from ${JSON.stringify(import.meta.resolve(specifier))}`
  );
  if (/\bfrom\s+['"](?!file:)/.test(code))
    throw new Error(`${file.pathname}: a mail template may import only from svelte`);
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: Component<Props> };
  return module.default;
}

/**
 * The component's markup without Svelte's hydration markers (mail is never hydrated). Text and
 * attributes are escaped, so no reader-supplied text can form a comment that this would remove.
 */
export function renderMarkup<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props: Props
): { head: string; body: string } {
  const { head, body } = render(component, { props });
  const bare = (html: string) => html.replace(/<!--[^>]*-->/g, '');
  return { head: bare(head), body: bare(body) };
}
