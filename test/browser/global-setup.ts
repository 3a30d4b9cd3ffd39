/**
 * Builds the web app (so the tests never run a stale bundle; KENDALI_SKIP_WEB_BUILD=1 skips it),
 * starts one Kendali server for the whole run and hands its URL to the tests as `kendaliUrl`.
 * The server itself must be built already (`npm run build:server`).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectKendali, REPO_ROOT } from './support.js';

declare module 'vitest' {
  export interface ProvidedContext {
    kendaliUrl: string;
  }
}

/** In a child process: vitest sets NODE_ENV=test, which would bundle React's development build. */
function buildWeb(): void {
  const vite = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!process.env.KENDALI_SKIP_WEB_BUILD && !process.env.KENDALI_TEST_URL) buildWeb();
  const server = await connectKendali();
  project.provide('kendaliUrl', server.url);
  return () => server.stop();
}
