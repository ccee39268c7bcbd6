/**
 * `compare` over 3 runs × 10,000 trials against listing the same trials alone (3 listings at
 * once, as compare reads its runs), side by side, from a loopback server in its own process; and
 * compare's memory: what it holds beyond the rows it returns must not grow with the trials.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compare as compareRuns } from 'crosstune/compare';
import { sagemaker } from 'crosstune/sagemaker';
import { compare, report } from './measure.js';
import { BENCH_CREDENTIALS, BENCH_JOB } from './sagemaker-server.js';
import { startServerProcess } from './server-process.js';

const PER_RUN = 10_000;
const RUNS = ['run-a', 'run-b', 'run-c'];

export async function benchCompare(rounds: number): Promise<boolean> {
  const server = await startServerProcess('sagemaker', PER_RUN);
  let ok: boolean;
  try {
    const cloud = sagemaker({ region: 'us-east-1', endpoint: server.url, credentials: BENCH_CREDENTIALS });
    const runs = RUNS.map((label) => ({ provider: cloud, experimentId: BENCH_JOB, label }));
    const results = await compare(
      [
        {
          name: 'compare (3 runs)',
          run: async () => {
            const comparison = await compareRuns(runs);
            if (comparison.trials.length !== PER_RUN * RUNS.length) throw new Error('compare missed trials');
          },
        },
        {
          name: 'trials.list alone (3 at once)',
          run: async () => {
            const counts = await Promise.all(
              runs.map(async (run) => {
                let n = 0;
                for await (const trial of cloud.trials.list(run.experimentId, { pageSize: 100 }))
                  if (trial.id) n++;
                return n;
              }),
            );
            if (counts.some((n) => n !== PER_RUN)) throw new Error('a listing missed trials');
          },
        },
      ],
      { rounds, warmup: 2 },
    );
    ok = report(
      `compare: ${RUNS.length} runs × ${PER_RUN} trials (loopback node:http, own process)`,
      results,
      [{ subject: 'compare (3 runs)', reference: 'trials.list alone (3 at once)', max: 1.1 }],
    );
  } finally {
    await server.close();
  }
  return benchCompareMemory() && ok;
}

/**
 * Each size in a fresh process with `--expose-gc`: the live heap before, at its peak during
 * compare, and after it with the comparison still held. Flat means the peak's excess over what
 * the comparison retains hardly moves when the trials (and so the rows) grow five-fold.
 */
function benchCompareMemory(): boolean {
  const script = fileURLToPath(new URL('./compare-memory.ts', import.meta.url));
  const sizes = [2_000, 10_000];
  const measured = sizes.map((perRun) => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, String(perRun)]);
    return { perRun, ...(JSON.parse(out.toString()) as { retained: number; peak: number }) };
  });
  console.log('\ncompare: memory, 3 runs, heap measured in a fresh process per size');
  for (const m of measured) {
    console.log(
      `  ${String(m.perRun * RUNS.length).padStart(6)} trials: retained ${mb(m.retained)} (${Math.round(m.retained / (m.perRun * RUNS.length))} B/row), peak beyond it ${mb(m.peak - m.retained)}`,
    );
  }
  const [small, large] = measured as [(typeof measured)[0], (typeof measured)[0]];
  // Flat: what compare holds beyond its rows grows by at most a tenth of what the rows grow by.
  const rowsGrew = large.retained - small.retained;
  const beyondGrew = large.peak - large.retained - (small.peak - small.retained);
  const share = beyondGrew / rowsGrew;
  const flat = share <= 0.1;
  console.log(
    `  beyond the rows it grew by ${mb(beyondGrew)} while the rows grew by ${mb(rowsGrew)}: ${(share * 100).toFixed(1)} % (target ≤ 10 %: flat)`,
  );
  return flat;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
