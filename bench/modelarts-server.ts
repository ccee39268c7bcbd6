/**
 * A loopback ModelArts endpoint for benchmarks: one autosearch training job with `total` trials,
 * its trial table served by `offset` (in records) and `limit`, each page rendered once up front
 * so the server costs the same for every client measured against it. Rows are shaped as the
 * service sends them (text cells, the config as an object), from the reference's example.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { listen } from './listen.js';

export const MODELARTS_BENCH_PROJECT = '0123456789abcdef0123456789abcdef';
export const MODELARTS_BENCH_JOB = '5b60a667-1438-4eb5-9705-85b860e623dc';
export const MODELARTS_BENCH_CREDENTIALS = {
  accessKeyId: 'HPUABENCHMARK0000001',
  secretAccessKey: 'bench-secret-0000000000000000000000000',
};

/** The trial table's columns and a row as the reference's example has them (test/fixtures). */
const example = JSON.parse(
  readFileSync(new URL('../test/fixtures/modelarts/autosearch-trials.json', import.meta.url), 'utf8'),
) as { items: { header: string[]; data: unknown[][] } };
const HEADER = example.items.header;
const column = (name: string) => HEADER.indexOf(name);

function row(i: number): unknown[] {
  const acc = String(0.5 + (i % 500) / 1000);
  const batch = [16, 32, 64][i % 3];
  const lr = 0.001 * (1 + (i % 10));
  const cells = [...(example.items.data[0] as unknown[])];
  cells[column('')] = String(i);
  cells[column('pid')] = String(300 + i);
  cells[column('config')] = {
    batch_size: batch,
    learning_rate: lr,
    trial_index: i,
    'param/batch_size': batch,
    'param/learning_rate': lr,
  };
  cells[column('trial_id')] = `t${String(i).padStart(7, '0')}`;
  for (const name of ['reward_attr', 'acc', 'best_reward']) cells[column(name)] = acc;
  return cells;
}

export function modelArtsTrialsPage(total: number, offset: number, limit: number): string {
  const data = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) data.push(row(i));
  return JSON.stringify({
    total,
    count: data.length,
    limit,
    offset,
    group_by: '',
    items: { header: HEADER, data },
  });
}

export async function startModelArtsBenchServer(total = 10_000, pageSize = 100) {
  const job = JSON.parse(
    readFileSync(new URL('../test/fixtures/modelarts/autosearch-job.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const jobBody = JSON.stringify(job);
  const pages = new Map<number, string>();
  if (total <= 100_000) {
    for (let offset = 0; offset < total; offset += pageSize)
      pages.set(offset, modelArtsTrialsPage(total, offset, pageSize));
  }
  const jobPath = `/v2/${MODELARTS_BENCH_PROJECT}/training-jobs/${MODELARTS_BENCH_JOB}`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: string;
    if (url.pathname === `${jobPath}/autosearch-trials`) {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? pageSize);
      body = (limit === pageSize && pages.get(offset)) || modelArtsTrialsPage(total, offset, limit);
    } else if (url.pathname === jobPath) {
      body = jobBody;
    } else {
      res.writeHead(404).end('{"error_code":"APIG.0101","error_msg":"no such api"}');
      return;
    }
    req.resume();
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-request-id': 'bench',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  return listen(server);
}
