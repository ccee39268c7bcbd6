/**
 * The polling loop behind `experiments.wait` and `experiments.watch`: intervals that grow (×1.5
 * per poll, ±20 % jitter so many waiters do not poll in step), a longer pause after throttling,
 * transient failures ridden out, and an overall deadline and abort signal that always hold.
 */
import {
  AbortError,
  InvalidArgumentError,
  type ProviderId,
  ThrottlingError,
  TimeoutError,
} from '../errors.js';
import type { CallOptions } from '../http/call-options.js';
import { abortErrorFrom, isRetryable, sleep } from '../http/retry.js';

/**
 * Where time passes while polling: real timers by default. A fake cloud's `clock` is one too, so a
 * test can wait through hours of virtual tuning at once (`{ scheduler: fake.clock }`).
 */
export interface Scheduler {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves once `ms` have passed; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const REAL_TIME: Scheduler = { now: () => Date.now(), sleep };

/** How `wait` and `watch` poll: pauses growing ×1.5 from `pollIntervalMs` to `maxPollIntervalMs`, ±20 % jitter. */
export interface PollOptions {
  /** Pause before the second poll, in milliseconds (default 5 000); later pauses grow from it. */
  pollIntervalMs?: number | undefined;
  /** The longest pause between polls (default 60 000); throttling may stretch one to 4×. */
  maxPollIntervalMs?: number | undefined;
  /** Give up with a `TimeoutError` after this many milliseconds (default: no limit). */
  timeoutMs?: number | undefined;
  /** Stop with an `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Where time passes (default real time). */
  scheduler?: Scheduler | undefined;
}

export const DEFAULT_POLL_INTERVAL_MS = 5_000;
export const DEFAULT_MAX_POLL_INTERVAL_MS = 60_000;
const GROWTH = 1.5;
const JITTER = 0.2;
const THROTTLED_STRETCH = 4;
/** Polls in a row that may fail transiently (each after the call's own retries) before the error is thrown. */
export const MAX_FAILED_POLLS = 5;

/** Node's timers fire at once past this (with a warning): a longer deadline is checked between polls only. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type Poll = <T>(run: (call: CallOptions) => Promise<T>) => Promise<T>;

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  // Stryker disable next-line ConditionalExpression: Number.isFinite is false for anything but a number, so the typeof test only says so first.
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
    throw new InvalidArgumentError(
      `${name} must be a finite number of milliseconds >= 0, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * A function that runs one poll after the pause the schedule calls for (none before the first).
 * A poll failing with a retryable error (after the call's own retries) is tried again after a
 * longer pause — doubled and at least the server's `Retry-After` for throttling; other errors,
 * and the `MAX_FAILED_POLLS`-th failure in a row, are thrown.
 */
export function poller(
  details: { provider: ProviderId; operation: string; subject: string },
  options: PollOptions,
  random: () => number = Math.random,
): Poll {
  const first = positive('pollIntervalMs', options.pollIntervalMs, DEFAULT_POLL_INTERVAL_MS);
  const max = Math.max(
    first,
    positive('maxPollIntervalMs', options.maxPollIntervalMs, DEFAULT_MAX_POLL_INTERVAL_MS),
  );
  const limit = options.timeoutMs === undefined ? undefined : positive('timeoutMs', options.timeoutMs, 0);
  const scheduler = options.scheduler ?? REAL_TIME;
  // Stryker disable next-line ConditionalExpression: without a limit, now + undefined is NaN, and every comparison with NaN is false, as with an infinite deadline.
  const deadline = limit === undefined ? Number.POSITIVE_INFINITY : scheduler.now() + limit;
  const userSignal = options.signal;
  const timedOut = () =>
    new TimeoutError(`${details.subject} did not end within ${limit} ms`, {
      provider: details.provider,
      operation: details.operation,
    });
  /** The schedule's next pause, growing poll by poll. */
  let interval = first;
  /** A longer pause throttling asked for, taken once instead of the schedule's. */
  let stretched: number | undefined;
  let lastPause = 0;
  let polls = 0;
  let failures = 0;

  const sleep = async (ms: number) => {
    try {
      await scheduler.sleep(ms, userSignal);
    } catch (error) {
      // A scheduler may reject with the signal's own reason; the caller gets crosstune's AbortError.
      if (userSignal?.aborted) throw abortErrorFrom(userSignal);
      throw error;
    }
  };
  const pause = async () => {
    const base = stretched ?? interval;
    if (stretched === undefined) interval = Math.min(max, interval * GROWTH);
    stretched = undefined;
    lastPause = base;
    const jittered = base * (1 - JITTER + 2 * JITTER * random());
    const remaining = deadline - scheduler.now();
    // Stryker disable next-line EqualityOperator: with the pause exactly what remains, sleeping it and then finding the deadline reached throws the same TimeoutError at the same time.
    if (remaining <= jittered) {
      await sleep(Math.max(0, remaining));
      throw timedOut();
    }
    await sleep(jittered);
  };

  return async (run) => {
    for (;;) {
      if (userSignal?.aborted) throw abortErrorFrom(userSignal);
      if (polls++ > 0) await pause();
      if (scheduler.now() >= deadline) throw timedOut();
      // Only real time passes during a request: a virtual clock stands still until the poll ends.
      const remaining = deadline - scheduler.now();
      const cut =
        // Stryker disable next-line EqualityOperator: differs only for a deadline of exactly 2^31-1 ms read in the millisecond it was set, a poll then cut 24.8 days later or not at all.
        scheduler === REAL_TIME && remaining <= MAX_TIMER_MS ? AbortSignal.timeout(remaining) : undefined;
      const signal = cut && userSignal ? AbortSignal.any([userSignal, cut]) : (cut ?? userSignal);
      try {
        const value = await run({ signal });
        failures = 0;
        return value;
      } catch (error) {
        if (userSignal?.aborted) throw AbortError.is(error) ? error : abortErrorFrom(userSignal);
        if (cut?.aborted || scheduler.now() >= deadline) throw timedOut();
        if (!isRetryable(error) || ++failures >= MAX_FAILED_POLLS) throw error;
        if (ThrottlingError.is(error)) {
          const doubled = Math.max(lastPause, interval) * 2;
          stretched = Math.min(max * THROTTLED_STRETCH, Math.max(doubled, error.retryAfterMs ?? 0));
        }
      }
    }
  };
}
