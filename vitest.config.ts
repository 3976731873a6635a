import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Server modules import 'server-only', which throws outside React Server Components; tests are server code.
    alias: { 'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)) },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/freeswitch/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          // The conformance suite against a real FreeSWITCH (`npm run test:freeswitch`, test/freeswitch/run.ts): only
          // when CALLFLOW_TEST_FREESWITCH names its event socket; CI has none. Calls share one FreeSWITCH: one file at a time.
          name: 'freeswitch',
          include: process.env.CALLFLOW_TEST_FREESWITCH ? ['test/freeswitch/**/*.test.ts'] : [],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          // Browser tests (test/e2e/README.md): the global setup builds the studio when stale; each file starts its own
          // server and chromium, so files run one at a time on this 2-core machine.
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
