import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Server, analysis and browser tests run in Node; the SPA is exercised through a real browser.
export default defineConfig({
  // The SPA's own aliases, so tests/spa can unit-test src/lib without a browser.
  resolve: {
    alias: {
      $lib: fileURLToPath(new URL('./src/lib', import.meta.url)),
      $shared: fileURLToPath(new URL('./server/schemas', import.meta.url))
    }
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report is what .ci/run counts; the default reporter is what people read.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' }
  }
});
