import { defineConfig } from 'vitest/config';

// Unit and integration tests (Node). Browser tests have their own config: vitest.browser.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    // The fixture portals and feeds of the tests listen on this machine: outbound requests may
    // reach it, as an operator allows an intranet portal (src/net/outbound.test.ts sets its own).
    env: { KENDALI_OUTBOUND_ALLOW: '127.0.0.0/8, ::1, localhost' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
