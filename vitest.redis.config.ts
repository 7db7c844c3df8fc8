import { defineConfig } from 'vitest/config';

// `npm run test:redis`: the BullMQ adapter against a real Redis, which test/redis/global-setup.ts
// starts (and stops) itself. Not part of `npm test`, which needs no system package.
export default defineConfig({
  test: {
    include: ['test/redis/**/*.test.ts'],
    globalSetup: ['test/redis/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 30_000,
    // The tests share one Redis and a sandbox each; run files one at a time.
    fileParallelism: false,
    setupFiles: ['test/faults/hygiene-setup.ts'],
  },
});
