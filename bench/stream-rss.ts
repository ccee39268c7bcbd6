/**
 * Memory while streaming: a fresh process walks 1,000,000 SageMaker trials with `for await`
 * (10,000 pages of 100 from a server in its own process) with Node's default flags, and reports
 * its peak resident set size; the AWS SDK paginator walking the same pages is printed beside it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BENCH_CREDENTIALS, BENCH_JOB } from './sagemaker-server.js';
import { startServerProcess } from './server-process.js';

const TOTAL = 1_000_000;
const LIMIT_MB = 150;

const CROSSTUNE = `
import { sagemaker } from 'crosstune/sagemaker';
const cloud = sagemaker({ region: 'us-east-1', endpoint: process.env.URL, credentials: ${JSON.stringify(BENCH_CREDENTIALS)} });
let n = 0;
for await (const trial of cloud.trials.list('${BENCH_JOB}', { pageSize: 100 })) if (trial.id) n++;
console.log(JSON.stringify({ n, maxRssKb: process.resourceUsage().maxRSS }));
`;

const AWS_SDK = `
import { SageMakerClient, paginateListTrainingJobsForHyperParameterTuningJob } from '@aws-sdk/client-sagemaker';
const client = new SageMakerClient({ region: 'us-east-1', endpoint: process.env.URL, credentials: ${JSON.stringify(BENCH_CREDENTIALS)} });
let n = 0;
const pages = paginateListTrainingJobsForHyperParameterTuningJob({ client, pageSize: 100 }, { HyperParameterTuningJobName: '${BENCH_JOB}' });
for await (const page of pages) for (const s of page.TrainingJobSummaries ?? []) if (s.TrainingJobName) n++;
console.log(JSON.stringify({ n, maxRssKb: process.resourceUsage().maxRSS }));
`;

const run = promisify(execFile);

async function peak(source: string, url: string): Promise<number> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', source], {
    env: { ...process.env, URL: url },
  });
  const { n, maxRssKb } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    n: number;
    maxRssKb: number;
  };
  if (n !== TOTAL) throw new Error(`streamed ${n} trials, expected ${TOTAL}`);
  return maxRssKb / 1024;
}

export async function benchStreamingMemory(): Promise<boolean> {
  const server = await startServerProcess('sagemaker', TOTAL);
  try {
    const ours = await peak(CROSSTUNE, server.url);
    const theirs = await peak(AWS_SDK, server.url);
    console.log(
      `\nStreaming ${TOTAL.toLocaleString('en')} trials through for await, default flags: peak RSS`,
    );
    console.log(
      `  crosstune trials.list          ${ours.toFixed(0).padStart(6)} MB (target ≤ ${LIMIT_MB} MB${ours > LIMIT_MB ? ', MISSED' : ''})`,
    );
    console.log(`  aws-sdk paginator              ${theirs.toFixed(0).padStart(6)} MB`);
    return ours <= LIMIT_MB;
  } finally {
    await server.close();
  }
}
