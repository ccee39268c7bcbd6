import type { RetryBudget, RetryOptions } from './retry.js';

/** Where a look-up made on behalf of a call finds that call's retry budget (see execute.ts). */
export const BUDGET: unique symbol = Symbol('crosstune.retryBudget');

/** Options every call accepts, on top of the client's defaults. */
export interface CallOptions {
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Time limit for each attempt, in milliseconds. */
  timeoutMs?: number | undefined;
  /** Overrides of the client's retry policy for this call; `false` disables retries. */
  retry?: Partial<RetryOptions> | false | undefined;
  /** Internal: set by crosstune on the options of a look-up made for a call, never by callers. */
  readonly [BUDGET]?: RetryBudget | undefined;
}

/** The call's options with one more reason to abort (e.g. a paging walk the caller left). */
export function withSignal(options: CallOptions | undefined, signal: AbortSignal): CallOptions {
  return { ...options, signal: options?.signal ? AbortSignal.any([options.signal, signal]) : signal };
}
