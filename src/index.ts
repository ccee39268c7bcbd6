/**
 * `crosstune`: the provider-neutral contract, types, errors, paging and search space.
 * Cloud adapters live in their own subpaths (`crosstune/sagemaker`, …) so an app loads only
 * the clouds it uses.
 *
 * @module crosstune
 */
import { assertSupportedNode } from './core/supported-node.js';

// Before anything else can fail on an older Node: one message naming the versions needed.
assertSupportedNode();

export type { Capabilities, CloudProvider, Support, TuningProvider } from './core/contract.js';
export {
  AbortError,
  AuthenticationError,
  ConflictError,
  CrosstuneError,
  type ErrorDetails,
  InvalidArgumentError,
  NetworkError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  QuotaExceededError,
  ResponseFormatError,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  UnsupportedOperationError,
  ValidationError,
} from './core/errors.js';
export type { CallOptions } from './core/http/call-options.js';
export type { ClientOptions } from './core/http/client-options.js';
export type { AttemptEvent, Hooks } from './core/http/hooks.js';
export { DEFAULT_RETRY, type RetryOptions } from './core/http/retry.js';
export type { FetchLike } from './core/http/transport.js';
export { type Page, type PageWalk, Paginated } from './core/paginate.js';
export type { PollOptions, Scheduler } from './core/progress/poll.js';
export type { ExperimentSummary, SummarizeOptions, SummaryField } from './core/progress/summarize.js';
export type { WaitOptions } from './core/progress/wait.js';
export type { ExperimentEvent, WatchOptions } from './core/progress/watch.js';
export type { ExclusionReason } from './core/ranking.js';
export type * from './core/types.js';
export * from './search-space/index.js';
