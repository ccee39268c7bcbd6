// Loads every entry point of the built package on an older Node.js (its binary as argument), by
// `import` and by `require`, and runs the command: each must fail at once, saying which Node.js
// versions crosstune needs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const old = process.argv[2];
if (!old) throw new Error('usage: node scripts/old-node.mjs <path to an older node binary>');
const version = spawnSync(old, ['--version'], { encoding: 'utf8' }).stdout.trim();
const needs =
  /crosstune needs Node\.js \^22\.22\.2 or \^24\.15\.0 or >=26\.0\.0; this is Node\.js \d+\.\d+\.\d+/;
const subpaths = [
  'crosstune',
  'crosstune/sagemaker',
  'crosstune/pai',
  'crosstune/modelarts',
  'crosstune/compare',
  'crosstune/testing',
];
for (const subpath of subpaths) {
  for (const load of [`await import('${subpath}')`, `require('${subpath}')`]) {
    const run = spawnSync(
      old,
      [
        '--input-type=module',
        '-e',
        load.startsWith('require')
          ? `import { createRequire } from 'node:module'; createRequire(import.meta.url)('${subpath}')`
          : load,
      ],
      { encoding: 'utf8' },
    );
    assert.notEqual(run.status, 0, `${subpath} (${load}) loads on Node ${version}`);
    assert.match(
      run.stderr,
      needs,
      `${subpath} (${load}) on Node ${version} says what it needs:\n${run.stderr}`,
    );
  }
}
const cli = spawnSync(old, ['bin/crosstune.js', '--version'], { encoding: 'utf8' });
assert.equal(cli.status, 1);
assert.match(
  cli.stderr,
  /^crosstune: needs Node\.js \^22\.22\.2 or \^24\.15\.0 or >=26\.0\.0; this is Node\.js [\d.]+\n$/,
);
console.log(
  `older Node: on ${version} every entry point and the command refuse to run, naming the versions needed`,
);
