import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Need a redis-server: `npm run test:redis` (vitest.redis.config.ts).
    exclude: [...configDefaults.exclude, 'test/redis/**'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Fails any test in which the SDK logs a secret, a signature or an unmasked identity number.
    setupFiles: ['test/faults/hygiene-setup.ts'],
  },
});
