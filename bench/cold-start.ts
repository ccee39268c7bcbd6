/**
 * Cold start: a fresh Node process imports the client, lists one page from the loopback server
 * and exits — crosstune/sagemaker vs @aws-sdk/client-sagemaker, runs interleaved.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { compare, report } from './measure.js';
import { BENCH_CREDENTIALS, BENCH_JOB } from './sagemaker-server.js';
import { startServerProcess } from './server-process.js';

const creds = JSON.stringify(BENCH_CREDENTIALS);

const CROSSTUNE = `
import { sagemaker } from 'crosstune/sagemaker';
const cloud = sagemaker({ region: 'us-east-1', endpoint: process.env.URL, credentials: ${creds} });
const page = await cloud.api.listTrainingJobsForHyperParameterTuningJob({ HyperParameterTuningJobName: '${BENCH_JOB}', MaxResults: 100 });
if (page.TrainingJobSummaries.length !== 100) process.exit(2);
`;

const AWS_SDK = `
import { SageMakerClient, ListTrainingJobsForHyperParameterTuningJobCommand } from '@aws-sdk/client-sagemaker';
const client = new SageMakerClient({ region: 'us-east-1', endpoint: process.env.URL, credentials: ${creds} });
const page = await client.send(new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: '${BENCH_JOB}', MaxResults: 100 }));
if (page.TrainingJobSummaries.length !== 100) process.exit(2);
`;

const run = promisify(execFile);

// The floor for any client that uses Node's global fetch: a process that makes one request and
// nothing else. Node loads its fetch implementation on first use.
const BARE_FETCH = `
const res = await fetch(process.env.URL, { method: 'POST', headers: { 'x-amz-target': 'SageMaker.ListTrainingJobsForHyperParameterTuningJob' }, body: '{}' });
if (JSON.parse(await res.text()).TrainingJobSummaries.length !== 100) process.exit(2);
`;

async function runScript(source: string, url: string): Promise<void> {
  await run(process.execPath, ['--input-type=module', '-e', source], { env: { ...process.env, URL: url } });
}

export async function benchColdStart(rounds: number): Promise<boolean> {
  const server = await startServerProcess(200);
  try {
    const results = await compare(
      [
        { name: 'crosstune/sagemaker', run: () => runScript(CROSSTUNE, server.url) },
        { name: '@aws-sdk/client-sagemaker', run: () => runScript(AWS_SDK, server.url) },
        { name: 'floor: bare global fetch', run: () => runScript(BARE_FETCH, server.url) },
      ],
      { rounds, warmup: 1 },
    );
    return report('Cold start: new process, import, list one page, exit', results, {
      '@aws-sdk/client-sagemaker': 0.5,
    });
  } finally {
    await server.close();
  }
}
