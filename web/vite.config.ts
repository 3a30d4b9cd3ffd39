import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser app. `npm run build:web` writes dist/web at the repo root, which the Kendali
// server serves at `/` (unknown non-API paths fall back to index.html).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));
const api = { '/api': { target: 'http://localhost:8080', changeOrigin: false } };

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // Libraries in one long-cached chunk; each route area stays its own lazy chunk.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
  server: { proxy: api },
  preview: { proxy: api },
});
