/**
 * The retry policy's waits (src/core/http/retry.ts): `sleep` leaves no timer and no listener
 * behind and keeps the abort reason as the cause; `backoffDelay` keeps to its bounds.
 */
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortError, ServiceError, ThrottlingError } from '../../src/core/errors.js';
import {
  abortErrorFrom,
  backoffDelay,
  DEFAULT_RETRY,
  RetryBudget,
  resolveRetry,
  sleep,
} from '../../src/core/http/retry.js';

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the wait to be cut short');
    },
    (error: unknown) => error,
  );
}

describe('sleep', () => {
  it('waits, then leaves neither its timer nor its abort listener behind', async () => {
    const signal = new AbortController().signal;
    const before = timers();
    const started = performance.now();
    const waiting = sleep(30, signal);
    expect(timers()).toBe(before + 1);
    expect(getEventListeners(signal, 'abort')).toHaveLength(1);
    await waiting;
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(timers()).toBe(before);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    await sleep(1);
  });

  it('ends at once on abort with an AbortError whose cause is the abort reason, clearing its timer and listener', async () => {
    const controller = new AbortController();
    const before = timers();
    const waiting = sleep(60_000, controller.signal);
    const reason = new Error('the caller gave up');
    controller.abort(reason);
    const error = await rejection(waiting);
    expect(AbortError.is(error)).toBe(true);
    expect(error).toMatchObject({ message: 'The call was aborted' });
    expect((error as AbortError).cause).toBe(reason);
    expect(timers()).toBe(before);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('does not start waiting on a signal already aborted', async () => {
    const before = timers();
    const error = await rejection(sleep(60_000, AbortSignal.abort('too late')));
    expect(AbortError.is(error)).toBe(true);
    expect((error as AbortError).cause).toBe('too late');
    expect(timers()).toBe(before);
  });

  it('keeps the call’s details on its AbortError; without a signal there is no reason to keep', async () => {
    const details = { provider: 'modelarts', operation: 'ListThings' } as const;
    const error = await rejection(sleep(60_000, AbortSignal.abort('late'), details));
    expect(AbortError.is(error)).toBe(true);
    expect(error).toMatchObject({ ...details, message: 'The call was aborted', retryable: false });
    const unsignalled = abortErrorFrom(undefined, details);
    expect(AbortError.is(unsignalled)).toBe(true);
    expect(unsignalled).toMatchObject({ ...details, message: 'The call was aborted' });
    expect(unsignalled.cause).toBeUndefined();
  });
});

describe('RetryBudget', () => {
  afterEach(() => vi.useRealTimers());

  it('grants maxAttempts - 1 retries, then none; none at all with retry: false', () => {
    const budget = new RetryBudget(resolveRetry(undefined, { maxAttempts: 3 }));
    expect([budget.take(0), budget.take(0), budget.take(0)]).toEqual([true, true, false]);
    expect(budget.retriesLeft).toBe(0);
    expect(new RetryBudget(resolveRetry({ maxAttempts: 5 }, false)).take(0)).toBe(false);
    expect(new RetryBudget(resolveRetry(false, undefined)).take(0)).toBe(false);
  });

  it('grants a retry that starts by maxElapsedMs since the call began, at it included, not one later', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    const budget = new RetryBudget({ ...DEFAULT_RETRY, maxAttempts: 10, maxElapsedMs: 1_000 });
    expect(budget.take(1_001)).toBe(false);
    expect(budget.take(1_000)).toBe(true);
    vi.setSystemTime(1_000_400);
    expect(budget.take(601)).toBe(false);
    expect(budget.take(600)).toBe(true);
    expect(budget.take(599)).toBe(true);
    // A refusal takes nothing: 10 attempts are 9 retries, three of them taken.
    expect(budget.retriesLeft).toBe(6);
  });
});

describe('backoffDelay', () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, throttlingBaseDelayMs: 500, maxDelayMs: 800 };
  const almostOne = () => 0.999_999;

  it('draws up to base · 2^retry, capped at maxDelayMs, at the cap and on each side of it', () => {
    const service = new ServiceError('x', { retryable: true });
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelay(service, retry, policy, almostOne))).toEqual([
      99, 199, 399, 799, 799,
    ]);
    expect(backoffDelay(service, 3, policy, () => 0)).toBe(0);
    expect(backoffDelay(service, 2, policy, () => 0.5)).toBe(200);
  });

  it('starts from the throttling base when throttled, and never waits less than the server asked', () => {
    expect(backoffDelay(new ThrottlingError('x'), 0, policy, almostOne)).toBe(499);
    expect(backoffDelay(new ThrottlingError('x'), 1, policy, almostOne)).toBe(799);
    expect(backoffDelay(new ThrottlingError('x', { retryAfterMs: 300 }), 0, policy, () => 0.1)).toBe(300);
    expect(backoffDelay(new ThrottlingError('x', { retryAfterMs: 30 }), 0, policy, () => 0.1)).toBe(50);
    // A hint on anything but throttling is not read.
    const other = Object.assign(new ServiceError('x', { retryable: true }), { retryAfterMs: 5000 });
    expect(backoffDelay(other, 0, policy, () => 0)).toBe(0);
  });
});
