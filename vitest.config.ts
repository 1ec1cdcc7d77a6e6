import { defineConfig } from 'vitest/config';

// One runner for every tier: engine unit tests, database/HTTP tests (SQLite by default,
// PostgreSQL when DATABASE_URL is a postgres URL) and browser tests in Chromium.
export default defineConfig({
  test: {
    include: ['{apps,packages}/*/{src,test}/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['./apps/server/test/global-setup.ts'],
    reporters: ['default'],
  },
});
