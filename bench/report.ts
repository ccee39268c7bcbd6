/**
 * The HTML report of 3 runs × 10,000 trials against its targets: rendered in under 2 s and under
 * 5 MB. The comparison is made by `compare` from the SageMaker bench server in its own process;
 * the render is timed alone — the first one in this process (which loads the chart library and the
 * DOM) and the median of the rounds after it. The report is not a package entry point (the CLI
 * bundles it), so it is imported from its source.
 */
import { compare as compareRuns } from 'crosstune/compare';
import { sagemaker } from 'crosstune/sagemaker';
import { median } from './measure.js';
import { BENCH_CREDENTIALS, BENCH_JOB } from './sagemaker-server.js';
import { startServerProcess } from './server-process.js';

const PER_RUN = 10_000;
const RUNS = ['run-a', 'run-b', 'run-c'];
const TARGET_MS = 2_000;
const TARGET_BYTES = 5 * 2 ** 20;

export async function benchReport(rounds: number): Promise<boolean> {
  const server = await startServerProcess('sagemaker', PER_RUN);
  let comparison: Awaited<ReturnType<typeof compareRuns>>;
  try {
    const cloud = sagemaker({ region: 'us-east-1', endpoint: server.url, credentials: BENCH_CREDENTIALS });
    comparison = await compareRuns(
      RUNS.map((label) => ({ provider: cloud, experimentId: BENCH_JOB, label })),
    );
  } finally {
    await server.close();
  }
  if (comparison.trials.length !== PER_RUN * RUNS.length) throw new Error('compare missed trials');

  // The first render, timed from the import: nothing else runs in this process meanwhile.
  const firstStart = performance.now();
  const firstCpu = process.cpuUsage();
  const { renderReport } = await import('../src/cli/report/index.js');
  let html = renderReport(comparison);
  const firstMs = performance.now() - firstStart;
  const firstCpuMs = cpuMs(process.cpuUsage(firstCpu));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t = timed(() => {
      html = renderReport(comparison);
    });
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
  }
  const bytes = Buffer.byteLength(html);
  console.log(
    `\nreport: ${RUNS.length} runs × ${PER_RUN} trials, one HTML file (CPU time beside: the machine may be shared)`,
  );
  const line = (name: string, ms: number, cpuMs: number) =>
    console.log(
      `  ${name.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms  cpu ${cpuMs.toFixed(1).padStart(7)} ms  (target < ${TARGET_MS} ms)`,
    );
  line('first render, loading the chart library', firstMs, firstCpuMs);
  line(`render, median of ${rounds}`, median(wall), median(cpu));
  console.log(
    `  ${'size'.padEnd(40)} ${(bytes / 2 ** 20).toFixed(2).padStart(8)} MB  (target < ${TARGET_BYTES / 2 ** 20} MB)`,
  );
  return firstMs < TARGET_MS && median(wall) < TARGET_MS && bytes < TARGET_BYTES;
}

/** Wall and CPU time (this process, all threads) of `run`. */
function timed(run: () => void): { wallMs: number; cpuMs: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  run();
  return { wallMs: performance.now() - start, cpuMs: cpuMs(process.cpuUsage(cpu)) };
}

const cpuMs = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000;
