import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Each file opens its own databases; two workers suit the 2-core machines.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
