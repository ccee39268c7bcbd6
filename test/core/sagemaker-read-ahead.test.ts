/**
 * Token paging's read-ahead (tokenWalk in src/core/paginate.ts), through the SageMaker listings, against a server in its
 * own process, so that a caller busy with a page cannot hold the server up: the next page's
 * request must reach the server while the caller still works synchronously on the current page,
 * and the requests sent must be the ones tokenWalk asks for — one page ahead when the caller
 * leaves early, none for a token tokenWalk refuses. (In test/core: it guards a transport-cost
 * change.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaginationError } from '../../src/core/errors.js';
import { sagemaker } from '../../src/providers/sagemaker/index.js';

/**
 * Tuning job `<name>` has 3 pages of 2 training jobs; `loop-job` answers page 2 with page 2's own
 * token again. Every List request is logged with its token and wall-clock arrival (GET /log).
 */
const SERVER = `
import { createServer } from 'node:http';
const log = [];
const summary = (job, i) => ({
  TrainingJobName: job + '-' + i,
  TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/' + job + '-' + i,
  CreationTime: 1767225600 + i,
  TrainingJobStatus: 'Completed',
  TunedHyperParameters: { eta: '0.1' },
});
const describe = (job) => ({
  HyperParameterTuningJobName: job,
  HyperParameterTuningJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/' + job,
  HyperParameterTuningJobStatus: 'Completed',
  CreationTime: 1767225600,
  HyperParameterTuningJobConfig: {
    Strategy: 'Bayesian',
    HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'auc' },
    ResourceLimits: { MaxNumberOfTrainingJobs: 6, MaxParallelTrainingJobs: 2 },
    ParameterRanges: { ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.01', MaxValue: '0.5' }] },
  },
  TrainingJobStatusCounters: { Completed: 6 },
  ObjectiveStatusCounters: { Succeeded: 6 },
});
const server = createServer((req, res) => {
  if (req.method === 'GET') return res.end(JSON.stringify(log));
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const arrived = Date.now();
    const input = JSON.parse(Buffer.concat(chunks).toString() || '{}');
    const target = String(req.headers['x-amz-target']);
    let body;
    if (target.endsWith('.DescribeHyperParameterTuningJob')) {
      body = describe(input.HyperParameterTuningJobName);
    } else {
      const job = input.HyperParameterTuningJobName;
      const page = input.NextToken ? Number(input.NextToken.slice(1)) : 1;
      log.push({ token: input.NextToken ?? null, arrived });
      const next = job === 'loop-job' && page === 2 ? 'p2' : page < 3 ? 'p' + (page + 1) : undefined;
      body = { TrainingJobSummaries: [summary(job, page * 2 - 1), summary(job, page * 2)], NextToken: next };
    }
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'rid' });
    res.end(JSON.stringify(body));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
`;

let child: ChildProcess;
let url: string;
beforeAll(async () => {
  child = spawn(process.execPath, ['--input-type=module', '-e', SERVER], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [port] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  url = `http://127.0.0.1:${String(port).trim()}`;
});
afterAll(async () => {
  child.stdin?.end();
  await once(child, 'exit');
});

async function listRequests(): Promise<Array<{ token: string | null; arrived: number }>> {
  const res = await fetch(`${url}/log`);
  const all = (await res.json()) as Array<{ token: string | null; arrived: number }>;
  return all;
}

const client = () =>
  sagemaker({
    region: 'us-east-1',
    endpoint: `${url}/`,
    credentials: {
      accessKeyId: 'AKIDREADAHEAD0000001',
      secretAccessKey: 'read-ahead-secret-000000000000000000000',
    },
    retry: false,
  });

function busy(ms: number): number {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // A caller working synchronously on a page.
  }
  return Date.now();
}

describe('SageMaker listing read-ahead', () => {
  it('the next page’s request reaches the server while the caller still works on the current page', async () => {
    const before = (await listRequests()).length;
    const ends: number[] = [];
    let n = 0;
    for await (const trial of client().trials.list('busy-job', { pageSize: 2 })) {
      // Synchronous work on the first item of pages 1 and 2.
      if (n++ % 2 === 0) ends.push(busy(300));
      expect(trial.id).toMatch(/^busy-job-\d$/);
    }
    expect(n).toBe(6);
    const log = (await listRequests()).slice(before);
    expect(log.map((r) => r.token)).toEqual([null, 'p2', 'p3']);
    // Page 2 was asked for while page 1 was being worked on, page 3 while page 2 was.
    expect(log[1]?.arrived).toBeLessThan((ends[0] as number) - 150);
    expect(log[2]?.arrived).toBeLessThan((ends[1] as number) - 150);
  });

  it('asks one page ahead, no more, when the caller leaves early', async () => {
    const before = (await listRequests()).length;
    for await (const trial of client().trials.list('early-job', { pageSize: 2 })) {
      expect(trial.id).toBe('early-job-1');
      break;
    }
    // Give an unexpected extra request time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await listRequests()).slice(before).map((r) => r.token)).toEqual([null, 'p2']);
  });

  it('asks nothing ahead for a token tokenWalk refuses (a page token that repeats)', async () => {
    const before = (await listRequests()).length;
    const error = await client()
      .trials.list('loop-job', { pageSize: 2 })
      .toArray()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(PaginationError.is(error)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await listRequests()).slice(before).map((r) => r.token)).toEqual([null, 'p2']);
  });
});
