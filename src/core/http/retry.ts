/**
 * The one retry policy shared by every cloud: what is retried, how long to wait, and when to
 * give up. Rules (see docs/architecture.md#retries):
 * - retried: errors marked `retryable` — throttling, HTTP 500/502/503/504, connection failures,
 *   per-attempt timeouts, unreadable answers — and, once per call, an auth refusal after the
 *   credentials were renewed;
 * - wait: full jitter, `random() * min(maxDelayMs, base * 2^retry)`, base larger for throttling;
 *   a server's `Retry-After` is a floor on the wait;
 * - one budget per call: `maxAttempts - 1` retries and `maxElapsedMs`, shared by the call and by
 *   every request made on its behalf (credential and project look-ups, a write's reconcile).
 */
import { AbortError, CrosstuneError, type ErrorDetails, ThrottlingError } from '../errors.js';

/**
 * How failed attempts are retried (client option `retry`, or per call; `false` sends once). Only
 * retryable errors are retried, after full-jitter exponential backoff, at least a throttling
 * answer's `Retry-After`.
 */
export interface RetryOptions {
  /** Attempts of one request in all, the first included; `maxAttempts - 1` retries per call. */
  maxAttempts: number;
  /** The first retry's backoff ceiling in ms, doubling with each retry. */
  baseDelayMs: number;
  /** The same after a ThrottlingError. */
  throttlingBaseDelayMs: number;
  /** No backoff (apart from a server's `Retry-After`) is longer, in ms. */
  maxDelayMs: number;
  /** No retry starts once this much time has passed since the call began. */
  maxElapsedMs: number;
}

/** The retry policy when none is given: 4 attempts in all, and no retry starts 2 minutes after the call began. */
export const DEFAULT_RETRY: Readonly<RetryOptions> = {
  maxAttempts: 4,
  baseDelayMs: 100,
  throttlingBaseDelayMs: 500,
  maxDelayMs: 20_000,
  maxElapsedMs: 120_000,
};

export function resolveRetry(
  client: Partial<RetryOptions> | false | undefined,
  call: Partial<RetryOptions> | false | undefined,
): RetryOptions {
  if (client === false || call === false) return { ...DEFAULT_RETRY, maxAttempts: 1 };
  return { ...DEFAULT_RETRY, ...client, ...call };
}

export function isRetryable(error: unknown): boolean {
  return CrosstuneError.is(error) && error.retryable;
}

/** What one call may still spend on retries, whichever request of it asks. */
export class RetryBudget {
  readonly startedAt = Date.now();
  retriesLeft: number;
  /** Credentials are renewed at most once per call. */
  renewed = false;
  constructor(readonly policy: RetryOptions) {
    this.retriesLeft = Math.max(0, policy.maxAttempts - 1);
  }

  /** Takes one retry that would start after `delayMs`; false when none is left in count or time. */
  take(delayMs: number): boolean {
    if (this.retriesLeft <= 0 || Date.now() - this.startedAt + delayMs > this.policy.maxElapsedMs)
      return false;
    this.retriesLeft--;
    return true;
  }
}

/** Milliseconds to wait before retry number `retry` (0 for the first retry). */
export function backoffDelay(
  error: unknown,
  retry: number,
  policy: RetryOptions,
  random = Math.random,
): number {
  const throttled = ThrottlingError.is(error);
  const base = throttled ? policy.throttlingBaseDelayMs : policy.baseDelayMs;
  const jitter = Math.floor(random() * Math.min(policy.maxDelayMs, base * 2 ** retry));
  const hint = throttled ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(jitter, hint);
}

/** Waits `ms`, or rejects with AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal, details?: ErrorDetails): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortErrorFrom(signal, details));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFrom(signal, details));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortErrorFrom(signal: AbortSignal | undefined, details?: ErrorDetails): AbortError {
  return new AbortError('The call was aborted', { ...details, cause: signal?.reason });
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
