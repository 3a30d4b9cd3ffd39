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
    // The libraries every page needs in one long-cached chunk; each route area stays its own
    // lazy chunk, and so do heavy libraries only some areas use (ECharts for the wall).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|i18next|react-i18next|cookie|set-cookie-parser|html-parse-stringify|void-elements)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: api },
  preview: { proxy: api },
});
