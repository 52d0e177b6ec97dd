import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const apiPort = process.env.PORT ?? '3000';

export default defineConfig({
  plugins: [sveltekit()],
  // Kit's server bundle imports `cookie` 0.x, but the project root hoists @fastify/cookie's 2.x;
  // bundling it makes the import resolve from kit's own folder.
  ssr: { noExternal: ['cookie'] },
  // Every component's module was its own chunk of 1–2 KB, fetched in three waves before a page could
  // ask the API for anything. Small chunks are merged into the chunks that load with them.
  build: { rollupOptions: { output: { experimentalMinChunkSize: 20_000 } } },
  // The chart worker imports chart.js and the chart builders as modules.
  worker: { format: 'es' },
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${apiPort}` }
  }
});
