/**
 * The `dispatcher` option: requests go through undici's own fetch with the given Dispatcher, over
 * a real socket to the fake served by startLoopbackServer. No msw server in this file, so nothing
 * can intercept on the way — which also makes it the place for the default transport's real-socket
 * path (node:http while the global fetch is Node's own), under the same faults.
 */
import type * as NodeHttp from 'node:http';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AbortError, NetworkError, TimeoutError } from '../../src/index.js';
import { type LoopbackServer, sagemakerFake, startLoopbackServer } from '../../src/testing/index.js';
import { client, experimentSpec, failure, HOUR, recordAttempts, requestsFor } from './helpers/env.js';

/** The module object the default transport reads `request` from on every call. */
const http = process.getBuiltinModule('node:http') as typeof NodeHttp;

/** An Agent that counts what it dispatches, to prove requests went through it. */
class CountingAgent extends Agent {
  dispatched: string[] = [];
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.dispatched.push(`${options.method} ${String(options.origin)}${options.path}`);
    return super.dispatch(options, handler);
  }
}

const fake = sagemakerFake({ seed: 7 });
let loopback: LoopbackServer;
let agent: CountingAgent;
beforeAll(async () => {
  loopback = await startLoopbackServer(fake.handlers);
});
afterEach(async () => {
  fake.reset();
  vi.restoreAllMocks();
  if (agent && !agent.closed) await agent.close();
});
afterAll(() => loopback.close());

function viaDispatcher(options: Parameters<typeof client>[0] = {}) {
  agent = new CountingAgent();
  return client({ endpoint: `${loopback.url}/`, dispatcher: agent, ...options });
}

describe('the dispatcher option', () => {
  it('creates, reads and lists through undici fetch and the given Agent, never the global fetch', async () => {
    const globalFetch = vi.spyOn(globalThis, 'fetch');
    const sm = viaDispatcher();

    await sm.experiments.create(experimentSpec('churn-undici'));
    fake.clock.advance(8 * HOUR);
    const experiment = await sm.experiments.get('churn-undici');
    const trials = await sm.trials.list('churn-undici', { pageSize: 3 }).toArray();

    expect(experiment.status).toBe('completed');
    expect(trials).toHaveLength(8);
    expect(globalFetch).not.toHaveBeenCalled();
    expect(agent.dispatched.length).toBe(fake.requests.length);
    expect(agent.dispatched.every((d) => d.startsWith(`POST ${loopback.url}/`))).toBe(true);
    expect(fake.requests.every((r) => r.url.startsWith(loopback.url))).toBe(true);
    // Signed for the loopback host, and accepted.
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
  });

  it('retries a connection reset on a real socket', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const { events, hooks } = recordAttempts();
    const sm = viaDispatcher({ hooks });
    fake.faults.inject({ kind: 'reset', operation: 'DescribeHyperParameterTuningJob' });

    expect((await sm.experiments.get('churn-job')).id).toBe('churn-job');
    expect(events.map((e) => [e.attempt, e.errorClass])).toEqual([
      [1, 'NetworkError'],
      [2, undefined],
    ]);
    fake.faults.inject({ kind: 'reset' });
    const onlyReset = await failure(sm.experiments.get('churn-job', { retry: false }));
    expect(NetworkError.is(onlyReset)).toBe(true);
  });

  it('times out and aborts through undici fetch', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const sm = viaDispatcher({ retry: false });
    fake.faults.inject({ kind: 'delay', delayMs: 800 });
    const timedOut = await failure(sm.experiments.get('churn-job', { timeoutMs: 50 }));
    expect(TimeoutError.is(timedOut)).toBe(true);

    fake.faults.inject({ kind: 'delay', delayMs: 800 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const aborted = await failure(sm.experiments.get('churn-job', { signal: controller.signal }));
    expect(AbortError.is(aborted)).toBe(true);
    expect(requestsFor(fake, 'DescribeHyperParameterTuningJob')).toHaveLength(2);
  });

  it('sends nothing through node:http', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const request = vi.spyOn(http, 'request');
    await viaDispatcher().experiments.get('churn-job');
    expect(request).not.toHaveBeenCalled();
    expect(agent.dispatched).toHaveLength(1);
  });
});

describe('the default transport over a real socket (node:http)', () => {
  const viaDefault = (options: Parameters<typeof client>[0] = {}) =>
    client({ endpoint: `${loopback.url}/`, ...options });

  it('creates, reads and lists, signed for the loopback host, through node:http', async () => {
    const request = vi.spyOn(http, 'request');
    const sm = viaDefault();
    await sm.experiments.create(experimentSpec('churn-http'));
    fake.clock.advance(8 * HOUR);
    expect((await sm.experiments.get('churn-http')).status).toBe('completed');
    expect(await sm.trials.list('churn-http', { pageSize: 3 }).toArray()).toHaveLength(8);
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
    expect(request).toHaveBeenCalledTimes(fake.requests.length);
  });

  it('retries a connection reset; times out and aborts with the same error classes', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const { events, hooks } = recordAttempts();
    const sm = viaDefault({ hooks });
    fake.faults.inject({ kind: 'reset', operation: 'DescribeHyperParameterTuningJob' });
    expect((await sm.experiments.get('churn-job')).id).toBe('churn-job');
    expect(events.map((e) => [e.attempt, e.errorClass])).toEqual([
      [1, 'NetworkError'],
      [2, undefined],
    ]);

    fake.faults.inject({ kind: 'delay', delayMs: 800 });
    const timedOut = await failure(sm.experiments.get('churn-job', { timeoutMs: 50, retry: false }));
    expect(TimeoutError.is(timedOut)).toBe(true);

    fake.faults.inject({ kind: 'delay', delayMs: 800 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const aborted = await failure(sm.experiments.get('churn-job', { signal: controller.signal }));
    expect(AbortError.is(aborted)).toBe(true);
  });
});
