#!/usr/bin/env node
// Entry point of the `kendali` command: runs the compiled CLI (built by `npm run build:server`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/server/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('kendali: not built yet; run `npm run build` first (or `npm start`, which builds).');
  process.exit(1);
}
await import(main);
