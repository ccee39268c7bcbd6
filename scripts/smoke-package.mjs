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
  'crosstune/compare',
  'crosstune/testing',
  'crosstune/testing/sagemaker',
  'crosstune/testing/pai',
  'crosstune/testing/modelarts',
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
const esmPai = await import('crosstune/pai');
const cjs = require('crosstune');
const fromCjs = new cjs.NotFoundError('missing', { provider: 'sagemaker' });
assert.equal(fromCjs instanceof esm.NotFoundError, false, 'two copies: instanceof cannot work');
assert.equal(esm.NotFoundError.is(fromCjs), true, 'the brand check works across copies');
assert.equal(esm.ThrottlingError.is(fromCjs), false);
// The comparison schema ships beside the code, reachable by its subpath.
const schema = require('crosstune/compare/comparison.schema.json');
const { COMPARISON_JSON_VERSION } = await import('crosstune/compare');
assert.equal(
  schema.properties.version.const,
  COMPARISON_JSON_VERSION,
  'the schema is the version toJson writes',
);
// PAI's signer is Alibaba's own code, bundled without the HTTP runtime it never uses (tsup.config.ts):
// a request signed by each build must pass the built fake's signature check.
{
  const testing = await import('crosstune/testing/pai');
  const fake = testing.paiFake();
  const { id } = fake.state.seedExperiment({ name: 'smoke' });
  const server = await testing.startLoopbackServer(fake.handlers);
  try {
    for (const { pai } of [esmPai, require('crosstune/pai')]) {
      const cloud = pai({
        region: testing.DEFAULT_PAI_REGION,
        endpoint: server.url,
        credentials: testing.FAKE_ALIYUN_CREDENTIALS,
      });
      assert.equal((await cloud.experiments.get(id)).id, id, 'a signed PAI request is accepted');
    }
  } finally {
    await server.close();
  }
}
const { execFileSync } = await import('node:child_process');
const { readFileSync } = await import('node:fs');
/** The file URL of every module a fresh process loads while importing `specifiers`. */
function modulesLoadedBy(specifiers) {
  return JSON.parse(
    execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `const { registerHooks } = await import('node:module');
       const urls = [];
       registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); urls.push(r.url); return r; } });
       for (const specifier of ${JSON.stringify(specifiers)}) await import(specifier);
       console.log(JSON.stringify(urls.filter((u) => u.startsWith('file:'))));`,
    ]).toString(),
  );
}
// compare must load no cloud adapter: none of the modules importing it loads may hold an
// adapter's wire names.
const loaded = modulesLoadedBy(['crosstune/compare']);
assert.ok(
  loaded.some((url) => url.endsWith('/dist/compare.js')),
  'the hook saw crosstune/compare load',
);
for (const url of loaded) {
  const text = readFileSync(new URL(url), 'utf8');
  for (const marker of ['DescribeHyperParameterTuningJob', '/api/automl/v1/', 'autosearch-trials']) {
    assert.equal(text.includes(marker), false, `crosstune/compare loads no adapter (${url} has ${marker})`);
  }
}
// A test that loads one cloud's fake loads that fake alone: each fake's wire names stay in its own
// modules (the engine the fakes share is common to all three).
const FAKE_MARKERS = {
  sagemaker: 'HyperParameterTuningJobStatus',
  pai: 'CreateHpoExperiment',
  modelarts: 'autosearch-trial-earlystop',
};
for (const cloud of Object.keys(FAKE_MARKERS)) {
  for (const url of modulesLoadedBy([`crosstune/testing/${cloud}`])) {
    if (!url.includes('/dist/')) continue;
    const text = readFileSync(new URL(url), 'utf8');
    for (const [other, marker] of Object.entries(FAKE_MARKERS)) {
      if (other === cloud) continue;
      assert.equal(
        text.includes(marker),
        false,
        `crosstune/testing/${cloud} loads no ${other} code (${url})`,
      );
    }
  }
}
// The HTML report's chart library and DOM are for the CLI's report command alone: no library
// entry point may load them (their import costs more than all of crosstune's cold start).
const loadedByAll = modulesLoadedBy(subpaths);
for (const url of loadedByAll) {
  assert.equal(
    /\/node_modules\/(@observablehq\/plot|linkedom|d3(-[a-z]+)?)\//.test(url),
    false,
    `no library entry point loads the report's chart library (${url})`,
  );
}
console.log(
  `package smoke test: ${subpaths.length} subpaths load as ESM and CJS; brand checks hold across copies`,
);
