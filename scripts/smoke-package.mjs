// Loads the built package both ways a user can: `import` (ESM) and `require` (CJS), through the
// package's own exports map, and checks that an error from one copy passes the other's brand check.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const subpaths = [
  'crosstune',
  'crosstune/sagemaker',
  'crosstune/pai',
  'crosstune/modelarts',
  'crosstune/testing',
];
for (const subpath of subpaths) {
  const esm = await import(subpath);
  const cjs = require(subpath);
  assert.deepEqual(
    Object.keys(esm).sort(),
    Object.keys(cjs).sort(),
    `${subpath}: ESM and CJS export the same names`,
  );
}
const esm = await import('crosstune');
const cjs = require('crosstune');
const fromCjs = new cjs.NotFoundError('missing', { provider: 'sagemaker' });
assert.equal(fromCjs instanceof esm.NotFoundError, false, 'two copies: instanceof cannot work');
assert.equal(esm.NotFoundError.is(fromCjs), true, 'the brand check works across copies');
assert.equal(esm.ThrottlingError.is(fromCjs), false);
console.log(
  `package smoke test: ${subpaths.length} subpaths load as ESM and CJS; brand checks hold across copies`,
);
