/**
 * One memory measurement of `compare` (internal to bench/compare.ts): run with `--expose-gc`
 * and the trials per run as argument; prints `{ retained, peak }` live heap bytes above the
 * baseline: at the end (the comparison held) and at the most during the run.
 */
import { compare } from 'crosstune/compare';
import { sagemaker } from 'crosstune/sagemaker';
import { BENCH_CREDENTIALS, BENCH_JOB, startSageMakerBenchServer } from './sagemaker-server.js';

const perRun = Number(process.argv[2] ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

// The server shares this process only to keep the measurement self-contained; its pages are
// rendered before the baseline is taken, so they count in neither number.
const server = await startSageMakerBenchServer(perRun);
const cloud = sagemaker({ region: 'us-east-1', endpoint: server.url, credentials: BENCH_CREDENTIALS });
const runs = ['a', 'b', 'c'].map((label) => ({ provider: cloud, experimentId: BENCH_JOB, label }));
await compare(runs.slice(0, 1)); // warms schemas and connections
gc();
const baseline = process.memoryUsage().heapUsed;
// Live memory, not garbage: collected before each reading, so the number is what compare holds.
let peak = baseline;
const sampler = setInterval(() => {
  gc();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}, 10);
const comparison = await compare(runs);
clearInterval(sampler);
gc();
const retained = process.memoryUsage().heapUsed - baseline;
peak = Math.max(peak, retained + baseline);
if (comparison.trials.length !== perRun * runs.length) throw new Error('compare missed trials');
process.stdout.write(JSON.stringify({ retained, peak: peak - baseline }));
await server.close();
