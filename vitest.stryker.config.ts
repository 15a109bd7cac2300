import { defineConfig } from 'vitest/config';

// The unit tests that guard the mutated folders (see stryker.config.json and docs/mutation-testing.md).
// Stryker reruns them once per mutant, so the end-to-end, browser and PostgreSQL suites stay out: they
// start processes and servers and would turn one run into hours on this machine.
export default defineConfig({
  test: {
    include: [
      'src/domain/**/*.test.ts',
      'src/sync/**/*.test.ts',
      'src/adapters/prestashop/**/*.test.ts',
      'src/web/auth/**/*.test.ts',
      'src/web/secret-redactor.test.ts',
      'test/order-source.contract.test.ts',
      'test/memory-fakes.test.ts',
      'test/prestashop-client.demo-shop.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 1,
  },
});
