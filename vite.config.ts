import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const apiPort = process.env.PORT ?? '3000';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${apiPort}` }
  }
});
