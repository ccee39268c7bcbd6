/**
 * `npm run bench`: every comparison measured side by side in one run, printed as ratios.
 * Runs against the built package (`crosstune/...` resolves to dist/), as users get it.
 */
import { benchColdStart } from './cold-start.js';
import { benchCompare } from './compare.js';
import { benchPaiPaging } from './pai-paging.js';
import { benchReport } from './report.js';
import { benchSageMakerListing } from './sagemaker-list.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const outcomes = [
  await benchSageMakerListing(rounds),
  await benchColdStart(rounds),
  await benchPaiPaging(rounds),
  await benchCompare(rounds),
  await benchReport(rounds),
];
const failed = outcomes.filter((ok) => !ok).length;
console.log(failed ? `\n${failed} comparison(s) missed their target` : '\nall comparisons met their targets');
process.exitCode = failed ? 1 : 0;
