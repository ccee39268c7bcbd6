/**
 * How requests leave the adapter: crosstune's node:http handler, which msw intercepts whenever it
 * starts (so a provider built before `server.listen()` is intercepted too), an injected `fetch`
 * (how a test that spies on `globalThis.fetch` sees requests), and cancellation with an
 * AbortSignal. The undici `dispatcher` path is in dispatcher.test.ts, a file without msw.
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AbortError, type FetchLike } from '../../src/index.js';
import { sagemakerFake } from '../../src/testing/index.js';
import { client, failure, forwardToFake, operationOf, recordAttempts, requestsFor } from './helpers/env.js';

const fake = sagemakerFake({ seed: 7 });
// Built at module load, before msw started.
const early = client();
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  fake.reset();
  vi.unstubAllGlobals();
});
afterAll(() => server.close());

const DESCRIBE = 'DescribeHyperParameterTuningJob';

describe('default transport: intercepted by msw, globalThis.fetch untouched', () => {
  it('reaches msw with a provider built before server.listen()', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    expect((await early.experiments.get('churn-job')).id).toBe('churn-job');
    expect(requestsFor(fake, DESCRIBE)).toHaveLength(1);
  });

  // Adapted: the default transport no longer looks globalThis.fetch up; a test that stubs it passes
  // a fetch that does, and then sees every request whenever it stubs.
  it('never calls globalThis.fetch, unless given a fetch that looks it up per call', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const mswFetch = globalThis.fetch;
    const urls: string[] = [];
    vi.stubGlobal('fetch', (input: string, init: RequestInit) => {
      urls.push(input);
      return mswFetch(input, init);
    });
    await early.experiments.get('churn-job');
    expect(urls).toEqual([]);
    expect(fake.requests).toHaveLength(1);
    const viaGlobal = client({ fetch: (input, init) => globalThis.fetch(input, init) });
    await viaGlobal.experiments.get('churn-job');
    await viaGlobal.experiments.list().toArray();
    expect(urls).toEqual([
      'https://api.sagemaker.us-east-1.amazonaws.com/',
      'https://api.sagemaker.us-east-1.amazonaws.com/',
    ]);
    expect(fake.requests).toHaveLength(3);
  });
});

describe('the fetch option', () => {
  it('sends every attempt through the given fetch and not the global one', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const mswFetch = globalThis.fetch;
    const counting: FetchLike = (url, init) => {
      calls.push({ url, init });
      return mswFetch(url, init);
    };
    const globalSpy = vi.fn(mswFetch);
    vi.stubGlobal('fetch', globalSpy);
    const sm = client({ fetch: counting });
    fake.faults.inject({ kind: 'throttle', operation: DESCRIBE });

    await sm.experiments.get('churn-job');
    expect(calls).toHaveLength(2);
    expect(globalSpy).not.toHaveBeenCalled();
    expect(requestsFor(fake, DESCRIBE)).toHaveLength(2);
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
    expect(headers['x-amz-target']).toBe('SageMaker.DescribeHyperParameterTuningJob');
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\//);
  });
});

describe('cancellation', () => {
  it('aborts a call in flight with AbortError', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const { events, hooks } = recordAttempts();
    const sm = client({ hooks });
    fake.faults.inject({ kind: 'delay', operation: DESCRIBE, delayMs: 1500 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    const started = performance.now();
    const error = await failure(sm.experiments.get('churn-job', { signal: controller.signal }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(AbortError.is(error)).toBe(true);
    expect(error.name).toBe('AbortError');
    expect(events.map((e) => [e.attempt, e.errorClass, e.retryDelayMs])).toEqual([
      [1, 'AbortError', undefined],
    ]);
    expect(requestsFor(fake, DESCRIBE)).toHaveLength(1);
  });

  it('aborts during the wait before a retry', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const { events, hooks } = recordAttempts();
    const sm = client({ hooks });
    // The fake throttles; its answer gains a Retry-After of 10 s, a floor on the wait.
    fake.faults.inject({ kind: 'throttle', operation: DESCRIBE });
    server.use(
      http.post(
        `${fake.endpoint}/`,
        async ({ request }) => {
          if (operationOf(request) !== DESCRIBE) return undefined;
          const throttled = await forwardToFake(fake, request);
          const headers = new Headers(throttled.headers);
          headers.set('retry-after', '10');
          return new Response(await throttled.text(), { status: throttled.status, headers });
        },
        { once: true },
      ),
    );
    const controller = new AbortController();
    const pending = sm.experiments.get('churn-job', { signal: controller.signal });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toMatchObject({ errorClass: 'ThrottlingError', httpStatus: 400 });
    expect(events[0]?.retryDelayMs).toBeGreaterThanOrEqual(10_000);

    const started = performance.now();
    controller.abort();
    const error = await failure(pending);
    expect(performance.now() - started).toBeLessThan(500);
    expect(AbortError.is(error)).toBe(true);
    expect(requestsFor(fake, DESCRIBE)).toHaveLength(1);
  });

  it('sends nothing with a signal that is already aborted', async () => {
    const sm = client();
    const error = await failure(sm.experiments.get('churn-job', { signal: AbortSignal.abort() }));
    expect(AbortError.is(error)).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });

  it('aborts a listing between pages', async () => {
    fake.state.seedTuningJob({ name: 'churn-job', maxNumberOfTrainingJobs: 30 });
    fake.state.seedTrainingJobs('churn-job', 20);
    const controller = new AbortController();
    const sm = client();
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const trial of sm.trials.list(
          'churn-job',
          { pageSize: 5 },
          { signal: controller.signal },
        )) {
          seen.push(trial.id);
          if (seen.length === 7) controller.abort();
        }
      })(),
    );
    expect(AbortError.is(error)).toBe(true);
    expect(seen.length).toBeLessThan(20);
  });
});
