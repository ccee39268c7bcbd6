import type { ProviderId } from '../errors.js';
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
}

/** The options of a cloud whose requests crosstune's own transport sends (not PAI's runtime). */
export interface HttpClientOptions extends ClientOptions {
  /** Any fetch; default: node:http while `globalThis.fetch` is Node's own, else `globalThis.fetch`. */
  fetch?: FetchLike | undefined;
  /** An undici Dispatcher (proxy, pool); requests then go through undici's own fetch. */
  dispatcher?: unknown;
}

/** The execution context a factory's options describe; `requestIdHeaders` are the cloud's own. */
export function executionContext(
  provider: ProviderId,
  options: ClientOptions & Partial<HttpClientOptions>,
  requestIdHeaders: readonly string[],
): ExecutionContext {
  return {
    provider,
    transport: { fetch: options.fetch, dispatcher: options.dispatcher },
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    hooks: options.hooks,
    requestIdHeaders,
  };
}
