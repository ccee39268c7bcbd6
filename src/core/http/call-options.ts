import type { RetryOptions } from './retry.js';

/** Options every call accepts, on top of the client's defaults. */
export interface CallOptions {
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Time limit for each attempt, in milliseconds. */
  timeoutMs?: number | undefined;
  /** Overrides of the client's retry policy for this call; `false` disables retries. */
  retry?: Partial<RetryOptions> | false | undefined;
}

/** The call's options with one more reason to abort (e.g. a paging walk the caller left). */
export function withSignal(options: CallOptions | undefined, signal: AbortSignal): CallOptions {
  return { ...options, signal: options?.signal ? AbortSignal.any([options.signal, signal]) : signal };
}

/**
 * The options of a look-up made on behalf of a call (a create's reconcile): the call's signal and
 * time limit, but not its retry overrides, which were meant for the call itself.
 */
export function lookupOptions(options: CallOptions | undefined): CallOptions {
  return { signal: options?.signal, timeoutMs: options?.timeoutMs };
}
