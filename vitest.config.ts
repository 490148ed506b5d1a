import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Tests that need several server processes sharing one database only make sense on PostgreSQL
// (PGlite is one process); they run when TEST_DATABASE_URL names one, as CI sets it.
// The database-roles test needs PostgreSQL's users and grants.
const postgresOnly = ['src/server/sync/several-servers.test.ts', 'src/server/storage/runtime-role.test.ts'];

// Unit, component and server tests. End-to-end tests in a real Chromium live in
// test/e2e and run through vitest.e2e.config.ts after a production build.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/shared/**/*.test.ts', 'src/server/**/*.test.ts', 'src/cli/**/*.test.ts', 'test/node/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? [] : postgresOnly)],
          // Guards against a hung test, not speed checks (npm run bench measures speed). Each
          // server test file starts its own PGlite, which took over 10 s (vitest's default hook
          // limit) on this two-core machine under load, and the sync property test 18 s.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/app/**/*.test.{ts,tsx}', 'test/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['test/dom/setup.ts'],
          // A guard against a hung test, not a speed check (speed is measured by npm run bench):
          // the slowest component tests take 3–6 s here, too close to vitest's 5 s default on a
          // loaded CI machine.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
