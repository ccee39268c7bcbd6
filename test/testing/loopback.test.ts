import { ListHyperParameterTuningJobsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_AWS_CREDENTIALS,
  type LoopbackServer,
  sagemakerFake,
  startLoopbackServer,
} from '../../src/testing/index.js';
import { callSageMaker, type TuningJobWire } from './helpers/sagemaker-call.js';
import { tuningJobRequest } from './helpers/sagemaker-fixtures.js';

// No msw server in this file: every byte goes through a real socket.
const fake = sagemakerFake();
let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer(fake.handlers);
});
afterAll(async () => {
  await server?.close();
});

describe('startLoopbackServer', () => {
  it('listens on 127.0.0.1 and serves the fake over real HTTP, signature checks included', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const endpoint = `${server.url}/`;
    const created = await callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('loop'), {
      endpoint,
    });
    expect(created.status).toBe(200);
    const described = await callSageMaker<TuningJobWire>(
      'DescribeHyperParameterTuningJob',
      { HyperParameterTuningJobName: 'loop' },
      { endpoint },
    );
    expect(described.json.HyperParameterTuningJobStatus).toBe('InProgress');
    expect(described.headers.get('x-amzn-requestid')).toEqual(expect.any(String));
    const forged = await callSageMaker(
      'ListHyperParameterTuningJobs',
      {},
      {
        endpoint,
        credentials: { ...FAKE_AWS_CREDENTIALS, secretAccessKey: 'wrong' },
      },
    );
    expect(forged.json.__type).toBe('InvalidSignatureException');
  });

  it('serves the official SDK through node:http', async () => {
    const sm = new SageMakerClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: FAKE_AWS_CREDENTIALS,
      maxAttempts: 1,
    });
    fake.state.seedTuningJob({ name: 'seeded' });
    const listed = await sm.send(new ListHyperParameterTuningJobsCommand({ NameContains: 'seeded' }));
    expect(listed.HyperParameterTuningJobSummaries?.[0]?.HyperParameterTuningJobName).toBe('seeded');
  });

  it('turns an injected reset into a dropped connection', async () => {
    fake.faults.inject({ kind: 'reset' });
    await expect(
      callSageMaker('ListHyperParameterTuningJobs', {}, { endpoint: `${server.url}/` }),
    ).rejects.toThrow(TypeError);
  });

  it('answers 404 for requests no handler claims', async () => {
    const response = await fetch(`${server.url}/elsewhere`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
  });

  it('stops accepting connections once closed', async () => {
    const extra = await startLoopbackServer(fake.handlers);
    await extra.close();
    await expect(fetch(`${extra.url}/`)).rejects.toThrow(TypeError);
  });
});
