/**
 * Cold start: a fresh Node process imports the client, lists one page of 100 trials from the
 * cloud's loopback server (each in its own process) and exits — each of crosstune/sagemaker,
 * /pai and /modelarts against @aws-sdk/client-sagemaker doing the same, runs interleaved.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { compare, report } from './measure.js';
import {
  MODELARTS_BENCH_CREDENTIALS,
  MODELARTS_BENCH_JOB,
  MODELARTS_BENCH_PROJECT,
} from './modelarts-server.js';
import { PAI_BENCH_CREDENTIALS, PAI_BENCH_EXPERIMENT } from './pai-server.js';
import { BENCH_CREDENTIALS, BENCH_JOB } from './sagemaker-server.js';
import { startServerProcess } from './server-process.js';

const SAGEMAKER = `
import { sagemaker } from 'crosstune/sagemaker';
const cloud = sagemaker({ region: 'us-east-1', endpoint: process.env.URL, credentials: ${JSON.stringify(BENCH_CREDENTIALS)} });
const page = await cloud.api.listTrainingJobsForHyperParameterTuningJob({ HyperParameterTuningJobName: '${BENCH_JOB}', MaxResults: 100 });
if (page.TrainingJobSummaries.length !== 100) process.exit(2);
`;

const PAI = `
import { pai } from 'crosstune/pai';
const cloud = pai({ region: 'cn-hangzhou', endpoint: process.env.URL, credentials: ${JSON.stringify(PAI_BENCH_CREDENTIALS)} });
const page = await cloud.api.listHpoTrials({ ExperimentId: '${PAI_BENCH_EXPERIMENT}', PageNumber: 1, PageSize: 100 });
if (page.Trials.length !== 100) process.exit(2);
`;

const MODELARTS = `
import { modelarts } from 'crosstune/modelarts';
const cloud = modelarts({ region: 'cn-north-4', endpoint: process.env.URL, projectId: '${MODELARTS_BENCH_PROJECT}', credentials: ${JSON.stringify(MODELARTS_BENCH_CREDENTIALS)} });
const page = await cloud.api.listAutoSearchTrials('${MODELARTS_BENCH_JOB}', { limit: 100, offset: 0 });
if (page.items.data.length !== 100) process.exit(2);
`;

const AWS_SDK = `
import { SageMakerClient, ListTrainingJobsForHyperParameterTuningJobCommand } from '@aws-sdk/client-sagemaker';
const client = new SageMakerClient({ region: 'us-east-1', endpoint: process.env.URL, credentials: ${JSON.stringify(BENCH_CREDENTIALS)} });
const page = await client.send(new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: '${BENCH_JOB}', MaxResults: 100 }));
if (page.TrainingJobSummaries.length !== 100) process.exit(2);
`;

// The floor for any client that uses Node's global fetch: a process that makes one request and
// nothing else. Node loads its fetch implementation on first use.
const BARE_FETCH = `
const res = await fetch(process.env.URL, { method: 'POST', headers: { 'x-amz-target': 'SageMaker.ListTrainingJobsForHyperParameterTuningJob' }, body: '{}' });
if (JSON.parse(await res.text()).TrainingJobSummaries.length !== 100) process.exit(2);
`;

const run = promisify(execFile);

async function runScript(source: string, url: string): Promise<void> {
  await run(process.execPath, ['--input-type=module', '-e', source], { env: { ...process.env, URL: url } });
}

export async function benchColdStart(rounds: number): Promise<boolean> {
  const servers = {
    sagemaker: await startServerProcess('sagemaker', 200),
    pai: await startServerProcess('pai', 200),
    modelarts: await startServerProcess('modelarts', 200),
  };
  try {
    const results = await compare(
      [
        { name: '@aws-sdk/client-sagemaker', run: () => runScript(AWS_SDK, servers.sagemaker.url) },
        { name: 'crosstune/sagemaker', run: () => runScript(SAGEMAKER, servers.sagemaker.url) },
        { name: 'crosstune/pai', run: () => runScript(PAI, servers.pai.url) },
        { name: 'crosstune/modelarts', run: () => runScript(MODELARTS, servers.modelarts.url) },
        { name: 'floor: bare global fetch', run: () => runScript(BARE_FETCH, servers.sagemaker.url) },
      ],
      { rounds, warmup: 1 },
    );
    const AWS = '@aws-sdk/client-sagemaker';
    return report('Cold start: new process, import, list one page, exit', results, [
      { subject: 'crosstune/sagemaker', reference: AWS, max: 0.5 },
      { subject: 'crosstune/pai', reference: AWS, max: 0.5 },
      { subject: 'crosstune/modelarts', reference: AWS, max: 0.5 },
      { subject: 'crosstune/pai', reference: 'crosstune/sagemaker', max: 1.3 },
      { subject: 'crosstune/sagemaker', reference: 'floor: bare global fetch' },
    ]);
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.close()));
  }
}
