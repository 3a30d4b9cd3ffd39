import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'kendali') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Kendali package root');
    dir = parent;
  }
}

/** The installed package's root (where package.json is), from source (tsx) or from dist/. */
export const PROJECT_ROOT: string = findRoot();

/** Where `vite build` puts the browser app. */
export const WEB_DIST: string = join(PROJECT_ROOT, 'dist', 'web');

/** Kendali's version, from package.json. */
export const KENDALI_VERSION: string = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
