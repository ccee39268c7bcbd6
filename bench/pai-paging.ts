/**
 * PAI paging: 10,000 trials in 100 pages from a loopback server answering each request after
 * 20 ms — a listing with concurrent prefetch (once the total is known) vs one page at a time.
 */
import { pai } from 'crosstune/pai';
import { compare, report } from './measure.js';
import { PAI_BENCH_CREDENTIALS, PAI_BENCH_EXPERIMENT } from './pai-server.js';
import { startServerProcess } from './server-process.js';

const TOTAL = 10_000;
const PAGE_SIZE = 100;
const CONCURRENCY = 10;

export async function benchPaiPaging(rounds: number): Promise<boolean> {
  const server = await startServerProcess('pai', TOTAL, 20);
  try {
    const client = (pageConcurrency: number) =>
      pai({
        region: 'cn-hangzhou',
        endpoint: server.url,
        credentials: PAI_BENCH_CREDENTIALS,
        pageConcurrency,
      });
    const listAll = (cloud: ReturnType<typeof client>) => async () => {
      let n = 0;
      for await (const trial of cloud.trials.list(PAI_BENCH_EXPERIMENT, { pageSize: PAGE_SIZE }))
        if (trial.id) n++;
      if (n !== TOTAL) throw new Error(`listed ${n} trials, expected ${TOTAL}`);
    };
    const results = await compare(
      [
        { name: `prefetch, ${CONCURRENCY} pages in flight`, run: listAll(client(CONCURRENCY)) },
        { name: 'sequential, 1 page at a time', run: listAll(client(1)) },
      ],
      { rounds: Math.min(rounds, 5), warmup: 1 },
    );
    // A speed-up of at least 5×: the prefetching listing takes at most 0.2× the sequential one.
    return report(
      `PAI: list ${TOTAL} trials in ${TOTAL / PAGE_SIZE} pages, 20 ms latency per request`,
      results,
      [{ subject: results[0]?.name ?? '', reference: results[1]?.name ?? '', max: 0.2 }],
    );
  } finally {
    await server.close();
  }
}
