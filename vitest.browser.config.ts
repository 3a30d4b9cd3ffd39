import { defineConfig } from 'vitest/config';

// Browser tests: Chromium (playwright-core) against the built Kendali server, which
// test/browser/global-setup.ts builds (web), starts once and shares with every file.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
