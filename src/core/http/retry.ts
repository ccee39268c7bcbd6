/**
 * The one retry policy shared by every cloud: what is retried, how long to wait, and when to
 * give up. Rules (see docs/architecture.md):
 * - retried: throttling (any cloud's throttling code, or HTTP 429), HTTP 500/502/503/504,
 *   connection failures and per-attempt timeouts — i.e. errors marked `retryable`;
 * - wait: full jitter, `random() * min(maxDelayMs, base * 2^retry)`, base larger for throttling;
 *   a server's `Retry-After` is a floor on the wait;
 * - give up after `maxAttempts` attempts or when the next wait would pass `maxElapsedMs`.
 */
import { AbortError, CrosstuneError, ThrottlingError } from '../errors.js';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  throttlingBaseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this much time has passed since the first attempt. */
  maxElapsedMs: number;
}

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
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortErrorFrom(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFrom(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortErrorFrom(signal: AbortSignal | undefined): AbortError {
  return new AbortError('The call was aborted', { cause: signal?.reason });
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
