import type { Hooks } from './hooks.js';
import type { RetryOptions } from './retry.js';

/** What every cloud's factory accepts besides its own settings (region, credentials, endpoint…). */
export interface ClientOptions {
  /** The shared retry policy's settings for every call of this client; `false` disables retries. */
  retry?: Partial<RetryOptions> | false | undefined;
  /** Per-attempt time limit in milliseconds (default 60 000). */
  timeoutMs?: number | undefined;
  /** Observability: one event per HTTP attempt, without secrets. */
  hooks?: Hooks | undefined;
}
