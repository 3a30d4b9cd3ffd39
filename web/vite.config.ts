import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The browser app. `npm run build:web` writes dist/web at the repo root, which the Kendali
// server serves at `/` (unknown non-API paths fall back to index.html).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));
const api = { '/api': { target: 'http://localhost:8080', changeOrigin: false } };

/**
 * Writes `.br` and `.gz` beside every text asset of the build, once, at maximum compression; the
 * server sends them to browsers that accept them (@fastify/static `preCompressed`), so no
 * request pays for compression and a slow link gets the smallest files.
 */
function precompress(dir: string): Plugin {
  const text = /\.(js|css|html|svg|json|txt|webmanifest)$/;
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'kendali-precompress',
    apply: 'build',
    closeBundle() {
      for (const path of walk(dir).filter((p) => text.test(p))) {
        const data = readFileSync(path);
        if (data.length < 512) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(data, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
          }),
        );
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    // The libraries every page needs in one long-cached chunk; each route area stays its own
    // lazy chunk, and so do heavy libraries only some areas use (ECharts for boundary maps).
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
