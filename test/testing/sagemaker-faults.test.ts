import { describe, expect, it } from 'vitest';
import { useSageMakerFake } from './helpers/msw-fake.js';
import { callSageMaker, type TuningJobWire, type WireError } from './helpers/sagemaker-call.js';
import { tuningJobRequest } from './helpers/sagemaker-fixtures.js';

const fake = useSageMakerFake();
const describeInput = { HyperParameterTuningJobName: 'job' };
const describeJob = (options?: Parameters<typeof callSageMaker>[2]) =>
  callSageMaker<TuningJobWire & WireError>('DescribeHyperParameterTuningJob', describeInput, options);

describe('fault injection', () => {
  it('throttles with ThrottlingException on HTTP 400, only for the named operation and only `times` times', async () => {
    fake.state.seedTuningJob({ name: 'job' });
    fake.faults.inject({ kind: 'throttle', operation: 'DescribeHyperParameterTuningJob', times: 2 });

    const list = await callSageMaker('ListHyperParameterTuningJobs', {});
    expect(list.status).toBe(200);
    const first = await describeJob();
    expect(first.status).toBe(400);
    expect(first.json).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' });
    expect(first.headers.get('x-amzn-requestid')).toEqual(expect.any(String));
    expect((await describeJob()).status).toBe(400);
    expect((await describeJob()).status).toBe(200);
    expect(fake.faults.pending).toEqual([]);

    const attempts = fake.requests.filter((r) => r.operation === 'DescribeHyperParameterTuningJob');
    expect(attempts.map((r) => r.status)).toEqual([400, 400, 200]);
  });

  it('answers server errors as InternalFailure 500 or ServiceUnavailable 503', async () => {
    fake.state.seedTuningJob({ name: 'job' });
    fake.faults.inject({ kind: 'server-error' });
    fake.faults.inject({ kind: 'server-error', status: 503 });
    const internal = await describeJob();
    expect(internal.status).toBe(500);
    expect(internal.json.__type).toBe('InternalFailure');
    const unavailable = await describeJob();
    expect(unavailable.status).toBe(503);
    expect(unavailable.json.__type).toBe('ServiceUnavailable');
  });

  it('resets the connection: the client sees a network error and nothing is created', async () => {
    fake.faults.inject({ kind: 'reset', operation: 'CreateHyperParameterTuningJob' });
    await expect(callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('job'))).rejects.toThrow(
      TypeError,
    );
    expect(fake.state.tuningJob('job')).toBeUndefined();
    expect(fake.requests.at(-1)?.status).toBe(0);
  });

  it('delays the answer by real time, long enough to trip a client timeout', async () => {
    fake.state.seedTuningJob({ name: 'job' });
    fake.faults.inject({ kind: 'delay', delayMs: 400 });
    await expect(describeJob({ signal: AbortSignal.timeout(50) })).rejects.toThrow(/timeout|abort/i);

    fake.faults.inject({ kind: 'delay', delayMs: 150 });
    const started = performance.now();
    const slow = await describeJob();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(slow.status).toBe(200);
  });

  it('truncates the body after the work is done, so a retried create meets its own job', async () => {
    fake.faults.inject({ kind: 'truncated', operation: 'CreateHyperParameterTuningJob' });
    const created = await callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('job')).catch(
      (error: unknown) => error,
    );
    expect(created).toBeInstanceOf(SyntaxError);
    expect(fake.state.tuningJob('job')?.status).toBe('InProgress');
    const retried = await callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('job'));
    expect(retried.json.__type).toBe('ResourceInUse');
  });

  it('answers an HTML 502 page from a gateway, without a request id', async () => {
    fake.faults.inject({ kind: 'non-json', operation: 'CreateHyperParameterTuningJob' });
    const url = 'https://api.sagemaker.us-east-1.amazonaws.com/';
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'x-amz-target': 'SageMaker.CreateHyperParameterTuningJob' },
      body: '{}',
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('x-amzn-requestid')).toBeNull();
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('validates fault specs and can be cleared', () => {
    expect(() => fake.faults.inject({ kind: 'explode' as 'reset' })).toThrow(TypeError);
    expect(() => fake.faults.inject({ kind: 'reset', times: 0 })).toThrow(RangeError);
    fake.faults.inject({ kind: 'throttle', times: Number.POSITIVE_INFINITY });
    expect(fake.faults.pending).toHaveLength(1);
    fake.faults.clear();
    expect(fake.faults.pending).toEqual([]);
  });
});

describe('request log', () => {
  it('records operation, parsed body and headers, with the signature redacted', async () => {
    fake.state.seedTuningJob({ name: 'job' });
    await describeJob();
    const [entry] = fake.requests;
    expect(entry).toMatchObject({
      seq: 1,
      operation: 'DescribeHyperParameterTuningJob',
      method: 'POST',
      body: describeInput,
      status: 200,
    });
    expect(entry?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-1\/sagemaker\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=\[redacted\]$/,
    );
  });

  it('draws request ids from the seed, so a reset fake repeats them', async () => {
    fake.state.seedTuningJob({ name: 'job' });
    const before = [
      (await describeJob()).headers.get('x-amzn-requestid'),
      (await describeJob()).headers.get('x-amzn-requestid'),
    ];
    fake.reset();
    fake.state.seedTuningJob({ name: 'job' });
    const after = [
      (await describeJob()).headers.get('x-amzn-requestid'),
      (await describeJob()).headers.get('x-amzn-requestid'),
    ];
    expect(before[0]).not.toBe(before[1]);
    expect(after).toEqual(before);
  });
});
