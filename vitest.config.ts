import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // `vistarkriya`, `vistarkriya/testing`, ... resolve to src/ as in tsconfig.json (the recipes in
  // examples/testing import the package by name, as users do).
  resolve: { tsconfigPaths: true },
  test: {
    include: ['test/**/*.test.ts', 'examples/testing/**/*.test.ts'],
    // Need php-cli beside php-wasm: `npm run test:php-cli` (vitest.php-cli.config.ts). Need a
    // redis-server: `npm run test:redis` (vitest.redis.config.ts).
    exclude: [...configDefaults.exclude, 'test/php-cli/**', 'test/redis/**'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Checks once that PHP and Chromium can be had (from npm when the machine has none).
    globalSetup: ['test/global-setup.ts'],
    // Fails any test in which the SDK logs a secret, a signature or an unmasked identity number.
    setupFiles: ['test/faults/hygiene-setup.ts'],
  },
});
