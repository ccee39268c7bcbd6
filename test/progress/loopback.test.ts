/**
 * `experiments.wait` in real time against a loopback server (node:http on 127.0.0.1, real
 * sockets, the real signer and transport): a tuning job whose status flips after N polls, one
 * that never ends (the deadline holds), one that never answers, and the caller's abort.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, TimeoutError } from '../../src/index.js';
import { sagemaker } from '../../src/providers/sagemaker/index.js';
import { FAKE_AWS_CREDENTIALS } from '../../src/testing/index.js';

/** What the server answers DescribeHyperParameterTuningJob with, per job name. */
const behaviour = new Map<string, (poll: number) => string | 'hang'>();
const polls = new Map<string, number>();

function describeAnswer(name: string, status: string) {
  return {
    HyperParameterTuningJobName: name,
    HyperParameterTuningJobArn: `arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/${name}`,
    HyperParameterTuningJobConfig: {
      Strategy: 'Bayesian',
      HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' },
      ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 2 },
    },
    HyperParameterTuningJobStatus: status,
    CreationTime: 1_767_225_600,
    TrainingJobStatusCounters: {},
    ObjectiveStatusCounters: {},
  };
}

function answer(request: IncomingMessage, response: ServerResponse) {
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    const name = (JSON.parse(body) as { HyperParameterTuningJobName: string }).HyperParameterTuningJobName;
    const poll = (polls.get(name) ?? 0) + 1;
    polls.set(name, poll);
    const status = behaviour.get(name)?.(poll) ?? 'InProgress';
    if (status === 'hang') return; // never answers
    response.writeHead(200, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': `r-${poll}`,
    });
    response.end(JSON.stringify(describeAnswer(name, status)));
  });
}

const server = createServer(answer);
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = () =>
  sagemaker({
    region: 'us-east-1',
    endpoint,
    credentials: FAKE_AWS_CREDENTIALS,
    retry: false,
    timeoutMs: 5_000,
  });

describe('wait against a loopback server', () => {
  it('resolves when the status flips after N polls, having polled exactly N times', async () => {
    behaviour.set('flips', (poll) => (poll < 4 ? 'InProgress' : 'Completed'));
    const seen: string[] = [];
    const experiment = await client().experiments.wait('flips', {
      pollIntervalMs: 5,
      maxPollIntervalMs: 20,
      onProgress: (e) => seen.push(e.providerStatus),
    });
    expect(experiment.status).toBe('completed');
    expect(seen).toEqual(['InProgress', 'InProgress', 'InProgress', 'Completed']);
    expect(polls.get('flips')).toBe(4);
  });

  it('resolves with a failed or stopped experiment: ended is ended', async () => {
    behaviour.set('fails', (poll) => (poll < 2 ? 'InProgress' : 'Failed'));
    behaviour.set('stopped', () => 'Stopped');
    const wait = (id: string) => client().experiments.wait(id, { pollIntervalMs: 5 });
    expect((await wait('fails')).status).toBe('failed');
    expect((await wait('stopped')).status).toBe('stopped');
  });

  it('ends with a TimeoutError at timeoutMs when the job never ends', async () => {
    behaviour.set('forever', () => 'InProgress');
    const started = performance.now();
    const error = await client()
      .experiments.wait('forever', { pollIntervalMs: 20, timeoutMs: 300 })
      .catch((e: unknown) => e);
    const took = performance.now() - started;
    expect(TimeoutError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'sagemaker', operation: 'experiments.wait' });
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1_500);
  });

  it('ends at timeoutMs even while a poll hangs on a server that never answers', async () => {
    behaviour.set('silent', (poll) => (poll === 1 ? 'InProgress' : 'hang'));
    const started = performance.now();
    const error = await client()
      .experiments.wait('silent', { pollIntervalMs: 10, timeoutMs: 250 })
      .catch((e: unknown) => e);
    expect(TimeoutError.is(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('ends with an AbortError when the caller aborts, mid-pause or mid-request', async () => {
    behaviour.set('aborted', () => 'InProgress');
    const pausing = new AbortController();
    const waiting = client().experiments.wait('aborted', { pollIntervalMs: 10_000, signal: pausing.signal });
    setTimeout(() => pausing.abort(new Error('enough')), 50);
    const error = await waiting.catch((e: unknown) => e);
    expect(AbortError.is(error)).toBe(true);
    expect((error as Error).cause).toEqual(new Error('enough'));

    behaviour.set('hung', () => 'hang');
    const requesting = new AbortController();
    const hung = client().experiments.wait('hung', { signal: requesting.signal });
    setTimeout(() => requesting.abort(), 50);
    expect(AbortError.is(await hung.catch((e: unknown) => e))).toBe(true);
  });
});
