/**
 * The suite as `npm run mutate` runs it: the test files of the area being mutated
 * (scripts/mutate.mjs names them in CROSSTUNE_MUTATE_TESTS), or all of them. Not Stryker's own
 * `--testFiles`: with it, Stryker activates a mutant that runs while a module loads only after
 * the module has loaded, so such a mutant always survives.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const selected = process.env.CROSSTUNE_MUTATE_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  ...base,
  test: { ...base.test, include: selected?.length ? selected : base.test?.include },
});
