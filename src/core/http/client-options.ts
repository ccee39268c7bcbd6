import type { ProviderId } from '../errors.js';
import type { CloudErrors } from './error-mapper.js';
import type { ExecutionContext } from './execute.js';
import type { Hooks } from './hooks.js';
import type { RetryOptions } from './retry.js';
import type { FetchLike } from './transport.js';

/** What every cloud's factory accepts besides its own settings (region, credentials, endpoint…). */
export interface ClientOptions {
  /** The shared retry policy's settings for every call of this client; `false` disables retries. */
  retry?: Partial<RetryOptions> | false | undefined;
  /** Per-attempt time limit in milliseconds (default 60 000). */
  timeoutMs?: number | undefined;
  /** Observability: one event per HTTP attempt, without secrets. */
  hooks?: Hooks | undefined;
  /**
   * A fetch to send every request with (a test's spy, instrumentation); default: crosstune's own
   * node:http(s) handler. `globalThis.fetch` is never used unless passed here.
   */
  fetch?: FetchLike | undefined;
  /**
   * An undici Dispatcher, e.g. `new ProxyAgent('http://proxy:3128')` for a proxy; requests then go
   * through undici's own fetch with it. The same option on every cloud.
   */
  dispatcher?: unknown;
}

/** The execution context a factory's options describe; `errors` is how the cloud's answers read. */
export function executionContext(
  provider: ProviderId,
  options: ClientOptions,
  errors: CloudErrors,
): ExecutionContext {
  return {
    provider,
    transport: { fetch: options.fetch, dispatcher: options.dispatcher },
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    hooks: options.hooks,
    errors,
  };
}
