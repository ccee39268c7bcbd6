// Mutation testing (`npm run mutate`, see docs/testing.md). Every file of src is in scope;
// `npm run mutate -- <files>` or `-- --since <git ref>` narrows it (scripts/mutate.mjs).
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the test files that import a mutated file (directly or not) run for it.
  // Forks, as `npm test` runs them (the runner's default is threads, where a test cannot switch
  // the time zone, see test/helpers/time-zone.ts).
  vitest: { configFile: 'vitest.mutate.config.ts', related: true, pool: 'forks' },
  coverageAnalysis: 'perTest',
  // Vitest does not type-check, so no `// @ts-nocheck` is needed; and it would make the test that
  // compares the generated SageMaker shapes with the committed ones fail.
  disableTypeChecks: false,
  mutate: ['src/**/*.ts'],
  // Two cores shared with other work: one test runner by default (`--concurrency 2` to go faster).
  concurrency: 1,
  // Mutants that only run while a module loads (constant tables) would each need a full run.
  ignoreStatic: false,
  timeoutFactor: 2,
  timeoutMS: 10_000,
  dryRunTimeoutMinutes: 15,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // scripts/mutate.mjs gives each of its runs a report of its own.
  jsonReporter: { fileName: process.env.CROSSTUNE_MUTATE_REPORT ?? 'reports/mutation/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: true },
  thresholds: { high: 90, low: 80, break: null },
  // Anchored at the root: a bare 'demo' would also drop src/cli/demo, which tests import.
  ignorePatterns: ['/dist', '/coverage', '/reports', '/.tools', '/bench', '/demo'],
  // Outside the clone: inside it, .gitignore would hide the sandbox from Biome, and the
  // generated-code test formats with Biome. One folder per clone, so parallel clones never meet.
  tempDirName: join(
    tmpdir(),
    `crosstune-stryker-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8)}`,
  ),
  cleanTempDir: true,
};
