import { describe, expect, it } from 'vitest';
import {
  type AttemptEvent,
  NetworkError,
  ResponseFormatError,
  ServiceError,
  ThrottlingError,
  TimeoutError,
} from '../../src/index.js';
import {
  client,
  experimentSpec,
  FAST_RETRY,
  failure,
  recordAttempts,
  requestsFor,
  UUID,
  useFakeServer,
} from './helpers/env.js';

const { fake } = useFakeServer();
const DESCRIBE = 'DescribeHyperParameterTuningJob';

function setup(options: Parameters<typeof client>[0] = {}) {
  fake.state.seedTuningJob({ name: 'churn-job' });
  const { events, hooks } = recordAttempts();
  return { events, sm: client({ hooks, ...options }) };
}

/** Every event but the last announces a retry with a small delay; the last one does not. */
function expectRetryDelays(events: AttemptEvent[]) {
  for (const event of events.slice(0, -1)) {
    expect(event.retryDelayMs).toBeGreaterThanOrEqual(0);
    expect(event.retryDelayMs).toBeLessThanOrEqual(FAST_RETRY.maxDelayMs);
  }
  expect(events.at(-1)?.retryDelayMs).toBeUndefined();
}

const statuses = () => requestsFor(fake, DESCRIBE).map((r) => r.status);

describe('retries through the fake', () => {
  it('retries throttling (HTTP 400 ThrottlingException) until it succeeds', async () => {
    const { sm, events } = setup();
    fake.faults.inject({ kind: 'throttle', operation: DESCRIBE, times: 2 });

    expect((await sm.experiments.get('churn-job')).id).toBe('churn-job');
    expect(statuses()).toEqual([400, 400, 200]);
    expect(events.map((e) => [e.operation, e.attempt, e.httpStatus, e.errorClass, e.errorCode])).toEqual([
      [DESCRIBE, 1, 400, 'ThrottlingError', 'ThrottlingException'],
      [DESCRIBE, 2, 400, 'ThrottlingError', 'ThrottlingException'],
      [DESCRIBE, 3, 200, undefined, undefined],
    ]);
    for (const event of events) {
      expect(event.provider).toBe('sagemaker');
      expect(event.requestId).toMatch(UUID);
      expect(event.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(events.map((e) => e.requestId)).size).toBe(3);
    expectRetryDelays(events);
  });

  it('retries 500 and 503 server errors', async () => {
    const { sm, events } = setup();
    fake.faults.inject({ kind: 'server-error', operation: DESCRIBE });
    fake.faults.inject({ kind: 'server-error', operation: DESCRIBE, status: 503 });

    await sm.experiments.get('churn-job');
    expect(statuses()).toEqual([500, 503, 200]);
    expect(events.map((e) => [e.attempt, e.httpStatus, e.errorClass, e.errorCode])).toEqual([
      [1, 500, 'ServiceError', 'InternalFailure'],
      [2, 503, 'ServiceError', 'ServiceUnavailable'],
      [3, 200, undefined, undefined],
    ]);
    expectRetryDelays(events);
  });

  it('retries a reset connection', async () => {
    const { sm, events } = setup();
    fake.faults.inject({ kind: 'reset', operation: DESCRIBE });

    await sm.experiments.get('churn-job');
    expect(statuses()).toEqual([0, 200]);
    expect(events.map((e) => [e.attempt, e.httpStatus, e.requestId === undefined, e.errorClass])).toEqual([
      [1, undefined, true, 'NetworkError'],
      [2, 200, false, undefined],
    ]);
    expectRetryDelays(events);
  });

  it('retries a body cut short, and an HTML gateway page', async () => {
    const { sm, events } = setup();
    fake.faults.inject({ kind: 'truncated', operation: DESCRIBE });
    fake.faults.inject({ kind: 'non-json', operation: DESCRIBE });

    expect((await sm.experiments.get('churn-job')).status).toBe('completed');
    expect(statuses()).toEqual([200, 502, 200]);
    expect(events.map((e) => [e.attempt, e.httpStatus, e.errorClass])).toEqual([
      [1, 200, 'ResponseFormatError'],
      [2, 502, 'ServiceError'],
      [3, 200, undefined],
    ]);
    // The gateway page carries no request id; the truncated answer still does.
    expect(events[0]?.requestId).toMatch(UUID);
    expect(events[1]?.requestId).toBeUndefined();
    expectRetryDelays(events);
  });

  it('times out an attempt that answers too late, then succeeds on the next', async () => {
    const { sm, events } = setup({ timeoutMs: 100 });
    fake.faults.inject({ kind: 'delay', operation: DESCRIBE, delayMs: 400 });

    const started = performance.now();
    await sm.experiments.get('churn-job');
    expect(performance.now() - started).toBeLessThan(350);
    expect(events.map((e) => [e.attempt, e.errorClass, e.httpStatus])).toEqual([
      [1, 'TimeoutError', undefined],
      [2, undefined, 200],
    ]);
    expect(events[0]?.durationMs).toBeGreaterThanOrEqual(90);
    expectRetryDelays(events);
  });

  it('fails at once with retry: false on the call, and the client default still retries', async () => {
    const { sm, events } = setup();
    fake.faults.inject({ kind: 'throttle', operation: DESCRIBE, times: 2 });

    const error = await failure(sm.experiments.get('churn-job', { retry: false }));
    expect(ThrottlingError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ThrottlingException', httpStatus: 400, retryable: true });
    expect(statuses()).toEqual([400]);
    expect(events).toHaveLength(1);
    expect(events[0]?.retryDelayMs).toBeUndefined();

    await sm.experiments.get('churn-job');
    expect(statuses()).toEqual([400, 400, 200]);
  });

  it('fails at once when the client is built with retry: false', async () => {
    const { sm } = setup({ retry: false });
    fake.faults.inject({ kind: 'server-error', operation: DESCRIBE });
    const error = await failure(sm.experiments.get('churn-job'));
    expect(ServiceError.is(error)).toBe(true);
    expect(error).toMatchObject({ httpStatus: 500, code: 'InternalFailure', retryable: true });
    expect(statuses()).toEqual([500]);
  });

  it.each([
    ['throttle', ThrottlingError, 'ThrottlingError'],
    ['server-error', ServiceError, 'ServiceError'],
    ['reset', NetworkError, 'NetworkError'],
    ['truncated', ResponseFormatError, 'ResponseFormatError'],
  ] as const)('gives up after maxAttempts of %s with the error class %s', async (kind, errorClass, name) => {
    const { sm, events } = setup();
    fake.faults.inject({ kind, operation: DESCRIBE, times: Number.POSITIVE_INFINITY });

    const error = await failure(sm.experiments.get('churn-job', { retry: { maxAttempts: 3 } }));
    expect(errorClass.is(error)).toBe(true);
    expect(error.name).toBe(name);
    expect(error).toMatchObject({ provider: 'sagemaker', operation: DESCRIBE, retryable: true });
    expect(requestsFor(fake, DESCRIBE)).toHaveLength(3);
    expect(events.map((e) => [e.attempt, e.errorClass])).toEqual([
      [1, name],
      [2, name],
      [3, name],
    ]);
    expectRetryDelays(events);
  });

  it('gives up after the default four attempts of a slow answer with TimeoutError', async () => {
    const { sm, events } = setup({ timeoutMs: 30 });
    fake.faults.inject({ kind: 'delay', operation: DESCRIBE, delayMs: 200, times: Number.POSITIVE_INFINITY });

    const error = await failure(sm.experiments.get('churn-job'));
    expect(TimeoutError.is(error)).toBe(true);
    expect(error).toMatchObject({ operation: DESCRIBE, retryable: true });
    expect(error.message).toMatch(/30 ms/);
    expect(events.map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
    expect(events.every((e) => e.errorClass === 'TimeoutError')).toBe(true);
  });

  it('does not retry what retrying cannot fix', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const { events, hooks } = recordAttempts();
    const sm = client({ hooks });
    await failure(sm.experiments.get('missing-job'));
    await failure(sm.experiments.create(experimentSpec('bad_name')));
    fake.state.seedTuningJob({ name: 'churn-taken' });
    await failure(sm.experiments.create(experimentSpec('churn-taken')));
    await failure(
      client({
        hooks,
        credentials: { accessKeyId: 'AKIAQEXAMPLEUNKNOWN0', secretAccessKey: 'x'.repeat(40) },
      }).experiments.get('churn-job'),
    );
    expect(events.map((e) => [e.operation, e.attempt, e.errorClass])).toEqual([
      [DESCRIBE, 1, 'NotFoundError'],
      ['CreateHyperParameterTuningJob', 1, 'ValidationError'],
      ['CreateHyperParameterTuningJob', 1, 'ConflictError'],
      [DESCRIBE, 1, 'AuthenticationError'],
    ]);
    expect(events.every((e) => e.retryDelayMs === undefined)).toBe(true);
  });

  it('keeps going when a hook throws', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const sm = client({
      hooks: {
        onAttempt: () => {
          throw new Error('broken hook');
        },
      },
    });
    fake.faults.inject({ kind: 'throttle', operation: DESCRIBE });
    expect((await sm.experiments.get('churn-job')).id).toBe('churn-job');
    expect(statuses()).toEqual([400, 200]);
  });
});
