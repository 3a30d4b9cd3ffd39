import { defineConfig } from 'vitest/config';

// Browser tests: Chromium (playwright-core) against the built Kendali server, which
// test/browser/global-setup.ts builds (web), starts once and shares with every file.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    // The workspace test harvests the server it runs against (on this machine): outbound requests
    // may reach it, as an operator allows an intranet portal (src/net/outbound.ts).
    env: { KENDALI_OUTBOUND_ALLOW: '127.0.0.0/8, ::1, localhost' },
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
