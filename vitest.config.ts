import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Server, analysis and browser tests run in Node; the SPA is exercised through a real browser, and
// its plain modules and rune state classes (tests/spa) unit-tested here without one.
export default defineConfig({
  // The SPA's own aliases, so tests/spa can unit-test src/lib without a browser.
  resolve: { alias: { $lib: here('./src/lib'), $shared: here('./server/schemas') } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report is what .ci/run counts; the default reporter is what people read.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.svelte.test.ts'] }
      },
      {
        // Rune state (`*.svelte.ts`) goes through the Svelte compiler and runs on Svelte's browser
        // runtime, as Svelte's testing guide sets it up; such tests are named `*.svelte.test.ts`.
        extends: true,
        plugins: [svelte()],
        resolve: {
          conditions: ['browser'],
          // SvelteKit's runtime exists only inside a SvelteKit app: a stand-in records what the page asked of it.
          alias: { '$app/navigation': here('./tests/support/app-navigation.ts') }
        },
        test: { name: 'runes', include: ['tests/**/*.svelte.test.ts'] }
      }
    ]
  }
});
