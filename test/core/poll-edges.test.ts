/**
 * The poller at its edges: the deadline in real time cutting a poll short, an abort during a poll,
 * a poll that fails after the deadline, failures counted only in a row, a first interval above
 * the cap, a zero interval, and a scheduler that fails.
 */
import { describe, expect, it } from 'vitest';
import { AbortError, ServiceError, ThrottlingError, TimeoutError } from '../../src/core/errors.js';
import type { CallOptions } from '../../src/core/http/call-options.js';
import { MAX_FAILED_POLLS, poller, type Scheduler } from '../../src/core/progress/poll.js';

function recordingScheduler(): Scheduler & { pauses: number[]; advance(ms: number): void } {
  let now = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      pauses.push(ms);
      now += ms;
    },
  };
}

const details = { provider: 'modelarts' as const, operation: 'experiments.wait', subject: 'Experiment x' };
const half = () => 0.5;
const transient = () => new ServiceError('503', { retryable: true, httpStatus: 503 });
/** A poll that never answers: it ends only when its signal aborts, with the signal's reason. */
const hanging = ({ signal }: CallOptions) =>
  new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));

describe('poller edges', () => {
  it('in real time, a poll still running at the deadline is cut short with a TimeoutError', async () => {
    const started = Date.now();
    const error = await poller(details, { timeoutMs: 50 })(hanging).catch((e: unknown) => e);
    expect(TimeoutError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'modelarts', message: 'Experiment x did not end within 50 ms' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('in real time with a signal too: an abort during the poll is an AbortError with its reason', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left')), 20);
    const poll = poller(details, { timeoutMs: 60_000, signal: controller.signal });
    const error = await poll(hanging).catch((e: unknown) => e);
    expect(AbortError.is(error)).toBe(true);
    expect((error as Error).cause).toEqual(new Error('user left'));
  });

  it('an abort during a poll wins over what the poll fails with; an AbortError passes as it is', async () => {
    const controller = new AbortController();
    const poll = poller(details, { scheduler: recordingScheduler(), signal: controller.signal });
    const error = await poll(async () => {
      controller.abort(new Error('user left'));
      throw transient();
    }).catch((e: unknown) => e);
    expect(AbortError.is(error)).toBe(true);
    expect((error as Error).cause).toEqual(new Error('user left'));
    const own = new AbortError('aborted by the call');
    const again = new AbortController();
    const second = poller(details, { scheduler: recordingScheduler(), signal: again.signal });
    await expect(
      second(async () => {
        again.abort();
        throw own;
      }),
    ).rejects.toBe(own);
  });

  it('a poll failing once the deadline has passed is a TimeoutError, not its failure', async () => {
    const scheduler = recordingScheduler();
    const poll = poller(details, { scheduler, timeoutMs: 1000 }, half);
    const error = await poll(async () => {
      scheduler.advance(1000);
      throw transient();
    }).catch((e: unknown) => e);
    expect(TimeoutError.is(error)).toBe(true);
    expect(scheduler.pauses).toEqual([]);
  });

  it('after a transient failure that is not throttling, the schedule’s own pause', async () => {
    const scheduler = recordingScheduler();
    const poll = poller(details, { scheduler, pollIntervalMs: 1000, maxPollIntervalMs: 100_000 }, half);
    await poll(async () => 1);
    let calls = 0;
    await poll(async () => {
      if (++calls === 1) throw transient();
      return 2;
    });
    expect(scheduler.pauses).toEqual([1000, 1500]);
  });

  it('aborted before the first poll: the poll never runs', async () => {
    let ran = 0;
    const poll = poller(details, { scheduler: recordingScheduler(), signal: AbortSignal.abort() });
    await expect(poll(async () => ran++)).rejects.toThrow(AbortError);
    expect(ran).toBe(0);
  });

  it('a deadline past what a timer can hold is checked between polls, never cutting one at once', async () => {
    const poll = poller(details, { timeoutMs: 2 ** 31 });
    const aborted = await poll(async ({ signal }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return signal?.aborted ?? false;
    });
    expect(aborted).toBe(false);
  });

  it('names the option it refuses', () => {
    expect(() => poller(details, { pollIntervalMs: -1 })).toThrow(
      'pollIntervalMs must be a finite number of milliseconds >= 0, got -1',
    );
  });

  it('a poll that ran past the deadline leaves no time to pause: the next ends at once', async () => {
    const scheduler = recordingScheduler();
    const poll = poller(details, { scheduler, timeoutMs: 1000 }, half);
    await poll(async () => scheduler.advance(1500));
    await expect(poll(async () => 'late')).rejects.toThrow(TimeoutError);
    expect(scheduler.pauses).toEqual([0]);
  });

  it('counts failures in a row only: a success starts the count again', async () => {
    const poll = poller(details, { scheduler: recordingScheduler(), pollIntervalMs: 10 }, half);
    for (let round = 0; round < 2; round++) {
      let calls = 0;
      const value = await poll(async () => {
        if (++calls < MAX_FAILED_POLLS) throw transient();
        return calls;
      });
      expect(value).toBe(MAX_FAILED_POLLS);
    }
  });

  it('a first interval above the cap is kept; an interval of 0 polls without pausing', async () => {
    const scheduler = recordingScheduler();
    const poll = poller(details, { scheduler, pollIntervalMs: 5000, maxPollIntervalMs: 1000 }, half);
    for (let i = 0; i < 4; i++) await poll(async () => i);
    expect(scheduler.pauses).toEqual([5000, 5000, 5000]);
    const eager = recordingScheduler();
    const zero = poller(
      details,
      { scheduler: eager, pollIntervalMs: 0, maxPollIntervalMs: 0, timeoutMs: 0 },
      half,
    );
    await expect(zero(async () => 1)).rejects.toThrow(TimeoutError);
    const none = poller(details, { scheduler: eager, pollIntervalMs: 0, maxPollIntervalMs: 0 }, half);
    for (let i = 0; i < 3; i++) await none(async () => i);
    expect(eager.pauses).toEqual([0, 0]);
  });

  it('a throttled poll pauses twice the longer of the last pause and the schedule, and the schedule does not grow meanwhile', async () => {
    const scheduler = recordingScheduler();
    const poll = poller(details, { scheduler, pollIntervalMs: 1000, maxPollIntervalMs: 100_000 }, half);
    await poll(async () => 1);
    await poll(async () => 2);
    let calls = 0;
    await poll(async () => {
      if (++calls === 1) throw new ThrottlingError('slow down');
      return 3;
    });
    await poll(async () => 4);
    // 1000, 1500, then throttled: 2 × max(1500, 2250) = 4500, then the schedule resumes at 2250.
    expect(scheduler.pauses).toEqual([1000, 1500, 4500, 2250]);
  });

  it('a scheduler that fails on its own passes its error on; aborted, the call gets an AbortError', async () => {
    const broken: Scheduler = { now: () => 0, sleep: async () => Promise.reject(new Error('clock broke')) };
    const poll = poller(details, { scheduler: broken }, half);
    await poll(async () => 1);
    await expect(poll(async () => 2)).rejects.toThrow('clock broke');

    const controller = new AbortController();
    const rejecting: Scheduler = {
      now: () => 0,
      sleep: async () => {
        controller.abort(new Error('user left'));
        throw controller.signal.reason;
      },
    };
    const aborted = poller(details, { scheduler: rejecting, signal: controller.signal }, half);
    await aborted(async () => 1);
    const error = await aborted(async () => 2).catch((e: unknown) => e);
    expect(AbortError.is(error)).toBe(true);
    expect(error).toMatchObject({ cause: new Error('user left') });
  });
});
