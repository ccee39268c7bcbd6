/**
 * `npm run bench`: every comparison measured side by side in one run, printed as ratios.
 * Runs against the built package (`crosstune/...` resolves to dist/), as users get it; every
 * server runs in its own process. `BENCH_ONLY=listing,cold-start,…` runs a subset.
 */
import { benchColdStart } from './cold-start.js';
import { benchCompare } from './compare.js';
import { benchModelArtsListing, benchPaiListing, benchSageMakerListing } from './listing.js';
import { benchPaiPaging } from './pai-paging.js';
import { benchReport } from './report.js';
import { benchStreamingMemory } from './stream-rss.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const only = process.env.BENCH_ONLY?.split(',');
const benches: Array<[string, () => Promise<boolean>]> = [
  ['sagemaker-listing', () => benchSageMakerListing(rounds)],
  ['pai-listing', () => benchPaiListing(rounds)],
  ['modelarts-listing', () => benchModelArtsListing(rounds)],
  ['cold-start', () => benchColdStart(rounds)],
  ['pai-paging', () => benchPaiPaging(rounds)],
  ['streaming-memory', () => benchStreamingMemory()],
  ['compare', () => benchCompare(rounds)],
  ['report', () => benchReport(rounds)],
];
let failed = 0;
for (const [name, bench] of benches) if (!only || only.includes(name)) if (!(await bench())) failed++;
console.log(failed ? `\n${failed} comparison(s) missed their target` : '\nall comparisons met their targets');
process.exitCode = failed ? 1 : 0;
