import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const apiPort = process.env.PORT ?? '3000';

export default defineConfig({
  plugins: [sveltekit()],
  // Kit's server bundle imports `cookie` 0.x, but the project root hoists @fastify/cookie's 2.x;
  // bundling it makes the import resolve from kit's own folder.
  ssr: { noExternal: ['cookie'] },
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${apiPort}` }
  }
});
