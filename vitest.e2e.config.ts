import { defineConfig } from 'vitest/config';

// End-to-end tests: a real Chromium (Debian's /usr/bin/chromium) driven by playwright-core
// against the real server serving the production build. Run after `vite build`.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // Two cores: one browser at a time keeps timings honest and the machine responsive.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
