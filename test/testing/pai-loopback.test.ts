import { ListHyperParameterTuningJobsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  type LoopbackServer,
  paiFake,
  sagemakerFake,
  startLoopbackServer,
} from '../../src/testing/index.js';
import { callPai, EXPERIMENTS, experimentPath } from './helpers/pai-call.js';
import { experimentRequest } from './helpers/pai-fixtures.js';
import { callApi, paiClient, type SdkError } from './helpers/pai-openapi.js';

// No msw server in this file: every byte goes through a real socket, both fakes on one server.
const pai = paiFake();
const sagemaker = sagemakerFake();
let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer([...sagemaker.handlers, ...pai.handlers]);
});
afterAll(async () => {
  await server?.close();
});

const host = () => new URL(server.url).host;

describe('the PAI fake over startLoopbackServer', () => {
  it('serves the official runtime over plain HTTP, signature checks included', async () => {
    const client = paiClient({ endpoint: host(), protocol: 'http' });
    const created = await callApi<{ ExperimentId: string }>(
      client,
      'CreateHpoExperiment',
      'POST',
      '/api/automl/v1/hpo/experiment',
      {
        body: experimentRequest(),
      },
    );
    const id = created.body.ExperimentId;
    const got = await callApi<{ Status: string }>(client, 'GetHpoExperiment', 'GET', experimentPath(id));
    expect(got.body.Status).toBe('CREATED');
    const forged = paiClient({
      endpoint: host(),
      protocol: 'http',
      credentials: { ...FAKE_ALIYUN_CREDENTIALS, accessKeySecret: 'wrong' },
    });
    const error = (await callApi(forged, 'ListHpoExperiments', 'GET', EXPERIMENTS).catch(
      (e: unknown) => e,
    )) as SdkError;
    expect([error.code, error.statusCode]).toEqual(['SignatureDoesNotMatch', 400]);
  });

  it('serves SageMaker from the same server, each fake claiming only its own requests', async () => {
    sagemaker.state.seedTuningJob({ name: 'seeded' });
    const sm = new SageMakerClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: FAKE_AWS_CREDENTIALS,
      maxAttempts: 1,
    });
    const listed = await sm.send(new ListHyperParameterTuningJobsCommand({}));
    expect(listed.HyperParameterTuningJobSummaries?.map((s) => s.HyperParameterTuningJobName)).toEqual([
      'seeded',
    ]);
    const paiList = await callPai('GET', EXPERIMENTS, { endpoint: server.url });
    expect(paiList.status).toBe(200);
    expect(pai.requests.at(-1)?.operation).toBe('ListHpoExperiments');
    expect(sagemaker.requests.at(-1)?.operation).toBe('ListHyperParameterTuningJobs');
  });

  it('turns an injected reset into a dropped connection', async () => {
    pai.faults.inject({ kind: 'reset' });
    await expect(callPai('GET', EXPERIMENTS, { endpoint: server.url })).rejects.toThrow(TypeError);
  });

  it('answers paths outside the API with the loopback 404', async () => {
    const response = await fetch(`${server.url}/api/other`);
    expect(response.status).toBe(404);
  });
});
