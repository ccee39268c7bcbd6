/**
 * The polling schedule behind wait and watch, on a scheduler that records every pause instead of
 * waiting: growth, jitter, the cap, throttling, transient failures, deadline and abort.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_POLL_INTERVAL_MS,
  DEFAULT_POLL_INTERVAL_MS,
  MAX_FAILED_POLLS,
  poller,
  type Scheduler,
} from '../../src/core/progress/poll.js';
import {
  AbortError,
  InvalidArgumentError,
  NotFoundError,
  ServiceError,
  ThrottlingError,
  TimeoutError,
} from '../../src/index.js';

/** Virtual time that records each pause asked for. */
function recordingScheduler(): Scheduler & { pauses: number[] } {
  let now = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => now,
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      pauses.push(ms);
      now += ms;
    },
  };
}

const details = { provider: 'sagemaker' as const, operation: 'experiments.wait', subject: 'Experiment x' };
const half = () => 0.5;

async function pollTimes(poll: ReturnType<typeof poller>, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await poll(async () => i);
}

describe('poller', () => {
  it('polls at once, then at intervals growing ×1.5 up to the cap', async () => {
    const scheduler = recordingScheduler();
    const poll = poller(details, { scheduler, pollIntervalMs: 1000, maxPollIntervalMs: 4000 }, half);
    await pollTimes(poll, 7);
    expect(scheduler.pauses).toEqual([1000, 1500, 2250, 3375, 4000, 4000]);
  });

  it('defaults to 5 s growing to 60 s', async () => {
    const scheduler = recordingScheduler();
    await pollTimes(poller(details, { scheduler }, half), 12);
    expect(scheduler.pauses[0]).toBe(DEFAULT_POLL_INTERVAL_MS);
    expect(scheduler.pauses.at(-1)).toBe(DEFAULT_MAX_POLL_INTERVAL_MS);
  });

  it('jitters each pause within ±20 % of its interval', () => {
    fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 0, max: 0.999_999, noNaN: true }), { minLength: 6, maxLength: 6 }),
        async (draws) => {
          const scheduler = recordingScheduler();
          let i = 0;
          const poll = poller(
            details,
            { scheduler, pollIntervalMs: 1000, maxPollIntervalMs: 3000 },
            () => draws[i++] ?? 0,
          );
          await pollTimes(poll, 7);
          const plain = [1000, 1500, 2250, 3000, 3000, 3000];
          scheduler.pauses.forEach((pause, j) => {
            const interval = plain[j] as number;
            expect(pause).toBeGreaterThanOrEqual(interval * 0.8);
            expect(pause).toBeLessThan(interval * 1.2);
          });
        },
      ),
    );
  });

  it('after throttling pauses at least twice as long and at least Retry-After, up to 4× the cap', async () => {
    const scheduler = recordingScheduler();
    const poll = poller(details, { scheduler, pollIntervalMs: 1000, maxPollIntervalMs: 2000 }, half);
    let calls = 0;
    const value = await poll(async () => {
      calls++;
      if (calls === 1) throw new ThrottlingError('slow down', { retryAfterMs: 5000 });
      if (calls === 2) throw new ThrottlingError('slow down');
      if (calls === 3) throw new ThrottlingError('slow down');
      return 'ok';
    });
    expect(value).toBe('ok');
    // 5000 (Retry-After) → 8000 (doubled, capped at 4 × 2000) → 8000.
    expect(scheduler.pauses).toEqual([5000, 8000, 8000]);
  });

  it('rides out transient failures, and gives up on the fifth in a row', async () => {
    const scheduler = recordingScheduler();
    const poll = poller(details, { scheduler, pollIntervalMs: 10 }, half);
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < MAX_FAILED_POLLS) throw new ServiceError('503', { retryable: true, httpStatus: 503 });
      return calls;
    };
    expect(await poll(flaky)).toBe(MAX_FAILED_POLLS);
    calls = 0;
    const down = async () => {
      calls++;
      throw new ServiceError('503', { retryable: true, httpStatus: 503 });
    };
    await expect(poll(down)).rejects.toThrow(ServiceError);
    expect(calls).toBe(MAX_FAILED_POLLS);
  });

  it('throws what is not transient at once', async () => {
    const scheduler = recordingScheduler();
    const poll = poller(details, { scheduler }, half);
    let calls = 0;
    await expect(
      poll(async () => {
        calls++;
        throw new NotFoundError('gone');
      }),
    ).rejects.toThrow(NotFoundError);
    expect(calls).toBe(1);
  });

  it('ends with a TimeoutError at the deadline, pausing no further than it', async () => {
    const scheduler = recordingScheduler();
    const poll = poller(
      details,
      { scheduler, pollIntervalMs: 1000, maxPollIntervalMs: 1000, timeoutMs: 2500 },
      half,
    );
    await poll(async () => 1);
    await poll(async () => 2);
    await poll(async () => 3);
    const error = await poll(async () => 4).catch((e: unknown) => e);
    expect(TimeoutError.is(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'sagemaker',
      operation: 'experiments.wait',
      message: 'Experiment x did not end within 2500 ms',
    });
    expect(scheduler.pauses).toEqual([1000, 1000, 500]);
    expect(scheduler.now()).toBe(2500);
  });

  it('ends with an AbortError when the signal aborts, before or between polls', async () => {
    const scheduler = recordingScheduler();
    const controller = new AbortController();
    const poll = poller(details, { scheduler, signal: controller.signal }, half);
    await poll(async () => 1);
    controller.abort(new Error('user left'));
    const error = await poll(async () => 2).catch((e: unknown) => e);
    expect(AbortError.is(error)).toBe(true);
    expect((error as Error).cause).toEqual(new Error('user left'));
  });

  it('refuses intervals and deadlines that are not finite non-negative numbers', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number]) {
      expect(() => poller(details, { pollIntervalMs: bad })).toThrow(InvalidArgumentError);
      expect(() => poller(details, { maxPollIntervalMs: bad })).toThrow(/maxPollIntervalMs/);
      expect(() => poller(details, { timeoutMs: bad })).toThrow(/timeoutMs/);
    }
  });
});
