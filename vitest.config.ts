import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Tests marked concurrent (the fault matrix's cases, which mostly wait on sockets and timers) run this many at once.
    maxConcurrency: 24,
  },
});
