/**
 * The attempt loop every operation of every cloud goes through: build and sign, send, time out,
 * read the answer, report to hooks, and settle failures by the shared policy — retry, renew the
 * credentials once, or, for a write that may have taken effect, reconcile instead of resending.
 * Provider code supplies only what differs: how to build and sign the request, how to decode a
 * success, how to look a write up, how to get fresh credentials.
 */
import {
  AbortError,
  AuthenticationError,
  asFinal,
  ConflictError,
  CrosstuneError,
  type ErrorDetails,
  type ProviderId,
} from '../errors.js';
import { checkCallOptions } from '../options.js';
import { BUDGET, type CallOptions } from './call-options.js';
import { type CloudErrors, mapError, requestIdOf } from './error-mapper.js';
import { isAmbiguous, messageOf, transportFailure } from './failures.js';
import { type AttemptEvent, emit, type Hooks } from './hooks.js';
import type { HttpRequest, HttpResponse } from './message.js';
import {
  abortErrorFrom,
  backoffDelay,
  RetryBudget,
  type RetryOptions,
  resolveRetry,
  sleep,
} from './retry.js';
import { send, type TransportOptions } from './transport.js';

export const DEFAULT_TIMEOUT_MS = 60_000;

/** Client-wide settings, shared by all operations of one provider instance. */
export interface ExecutionContext {
  provider: ProviderId;
  transport: TransportOptions;
  retry?: Partial<RetryOptions> | false | undefined;
  timeoutMs?: number | undefined;
  hooks?: Hooks | undefined;
  /** How the cloud's answers read: request-id headers, error envelope and codes. */
  errors: CloudErrors;
}

export interface OperationPlan<T> {
  operation: string;
  /** False for writes whose repetition could repeat their effect (creates, stops that refuse twice). */
  idempotent: boolean;
  /**
   * Builds and signs the request, for every attempt (signatures carry a date). `call` holds the
   * call's signal and retry budget: look-ups made for it (a token, a project id) pass it on.
   */
  request(call: CallOptions): Promise<HttpRequest>;
  /** Reads a 2xx answer (an error the cloud sends with 200 is thrown from here). */
  decode(response: HttpResponse, details: ErrorDetails): T;
  /**
   * For writes: after an attempt that may have taken effect, finds out whether it did. Returns
   * the result if so, undefined if not. `call` as for `request`.
   */
  reconcile?(call: CallOptions): Promise<T | undefined>;
  /**
   * Whether a write may be sent again once `reconcile` found no trace of it (a unique name makes a
   * duplicate impossible). Default false: the failure is thrown.
   */
  resendIfAbsent?: boolean | undefined;
  /**
   * After the cloud refused the credentials: drops what was sent so the next attempt gets fresh
   * ones. True when there are fresh ones to try. Called at most once per call.
   */
  renewCredentials?(): boolean;
}

export async function execute<T>(
  ctx: ExecutionContext,
  plan: OperationPlan<T>,
  options: CallOptions = {},
): Promise<T> {
  // A look-up made for a call carries that call's budget: its options were checked with it.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a check of options left undefined passes, and a look-up's options are its call's, checked already: checking more often changes no outcome.
  if (!options[BUDGET] && (options.timeoutMs !== undefined || options.retry !== undefined)) {
    checkCallOptions(ctx.provider, plan.operation, options);
  }
  const budget = options[BUDGET] ?? new RetryBudget(resolveRetry(ctx.retry, options.retry));
  const call: CallOptions = { signal: options.signal, timeoutMs: options.timeoutMs, [BUDGET]: budget };
  const timeoutMs = options.timeoutMs ?? ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const details: ErrorDetails = { provider: ctx.provider, operation: plan.operation };
  let ambiguousEarlier = false;

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw abortErrorFrom(options.signal, details);
    // Building is not sending: its failures (no credentials, a look-up that used up its own
    // retries) end the call at once, and no attempt is reported.
    const request = await build(plan, call, details);
    const started = performance.now();
    const outcome = await attemptOnce(ctx, plan, request, options.signal, timeoutMs, details);
    const { error } = outcome;
    const event: AttemptEvent = {
      provider: ctx.provider,
      operation: plan.operation,
      attempt,
      durationMs: performance.now() - started,
      // Stryker disable next-line OptionalChaining: an outcome without a status is a transport failure, which always has an error.
      httpStatus: outcome.status ?? error?.httpStatus,
      requestId: outcome.requestId ?? error?.requestId,
      errorClass: error?.name,
      errorCode: error?.code,
    };
    if (!error) {
      emit(ctx.hooks, event);
      return outcome.value as T;
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: an AbortError is neither retryable nor ambiguous, so the path below would report and throw it just the same; this only says so first.
    if (AbortError.is(error)) {
      emit(ctx.hooks, event);
      throw error;
    }

    let retryable = error.retryable;
    if (!plan.idempotent) {
      // A write that may have happened is looked up, never blindly sent again; a conflict after
      // an ambiguous attempt most likely means that attempt succeeded.
      const ambiguous = isAmbiguous(error);
      if (ambiguous || (ambiguousEarlier && ConflictError.is(error))) {
        const found = plan.reconcile ? await plan.reconcile(call) : undefined;
        if (found !== undefined || !plan.reconcile || !plan.resendIfAbsent) {
          emit(ctx.hooks, event);
          if (found !== undefined) return found;
          throw asFinal(error);
        }
      }
      ambiguousEarlier ||= ambiguous;
    }
    if (AuthenticationError.is(error) && !budget.renewed && plan.renewCredentials?.()) {
      budget.renewed = true;
      retryable = true;
    }

    const delay = AuthenticationError.is(error) ? 0 : backoffDelay(error, attempt - 1, budget.policy);
    const again = retryable && budget.take(delay);
    emit(ctx.hooks, again ? { ...event, retryDelayMs: delay } : event);
    if (!again) throw error;
    await sleep(delay, options.signal, details);
  }
}

async function build<T>(
  plan: OperationPlan<T>,
  call: CallOptions,
  details: ErrorDetails,
): Promise<HttpRequest> {
  try {
    return await plan.request(call);
  } catch (error) {
    if (CrosstuneError.is(error)) throw error;
    throw new AuthenticationError(`Could not sign the request: ${messageOf(error)}`, {
      ...details,
      cause: error,
    });
  }
}

interface AttemptOutcome<T> {
  value?: T;
  error?: CrosstuneError;
  status?: number;
  requestId?: string | undefined;
}

async function attemptOnce<T>(
  ctx: ExecutionContext,
  plan: OperationPlan<T>,
  request: HttpRequest,
  userSignal: AbortSignal | undefined,
  timeoutMs: number,
  details: ErrorDetails,
): Promise<AttemptOutcome<T>> {
  let response: HttpResponse;
  // One controller per attempt, its timer cleared and its listener removed when the attempt ends:
  // AbortSignal.timeout() would hold a timer for the whole limit and AbortSignal.any() a link on
  // the caller's signal, for every one of a listing's thousands of requests.
  const attempt = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  // Stryker disable next-line OptionalChaining: onAbort runs only when userSignal is aborted or as its listener, never without it.
  const onAbort = () => attempt.abort(userSignal?.reason);
  if (userSignal?.aborted) onAbort();
  else {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the listener is removed in `finally` below whatever happens, so `once` changes nothing.
    userSignal?.addEventListener('abort', onAbort, { once: true });
  }
  try {
    response = await send(request, ctx.transport, attempt.signal);
  } catch (error) {
    return { error: transportFailure(error, { user: userSignal, timedOut, timeoutMs }, details) };
  } finally {
    clearTimeout(timer);
    userSignal?.removeEventListener('abort', onAbort);
  }
  const requestId = requestIdOf(ctx.errors, response);
  const withResponse: ErrorDetails = { ...details, httpStatus: response.status, requestId };
  try {
    if (response.status < 200 || response.status > 299) {
      const error = mapError(ctx.errors, response, withResponse, { idempotent: plan.idempotent });
      return { error, status: response.status, requestId };
    }
    return { value: plan.decode(response, withResponse), status: response.status, requestId };
  } catch (error) {
    if (CrosstuneError.is(error)) return { error, status: response.status, requestId };
    throw error;
  }
}
