import { defineConfig } from 'vitest/config';

// `npm run test:php-cli`: the check that needs php-cli next to php-wasm, kept out of `npm test`
// (which must pass, with nothing skipped, on a machine that has no php).
export default defineConfig({
  test: {
    include: ['test/php-cli/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
