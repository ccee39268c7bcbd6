/**
 * The attempt loop every operation of every cloud goes through: sign and send, time out,
 * classify, report to hooks, and retry by the shared policy. Provider code supplies only what
 * differs: how to build and sign the request, how to read an error, how to decode a success.
 */
import { AuthenticationError, CrosstuneError, type ErrorDetails, type ProviderId } from '../errors.js';
import type { CallOptions } from './call-options.js';
import { isAmbiguous, messageOf, transportFailure } from './failures.js';
import { emit, type Hooks } from './hooks.js';
import {
  abortErrorFrom,
  backoffDelay,
  isRetryable,
  type RetryOptions,
  resolveRetry,
  sleep,
} from './retry.js';
import {
  type HttpRequest,
  type HttpResponse,
  type ResponseHeaders,
  send,
  type TransportOptions,
} from './transport.js';

export const DEFAULT_TIMEOUT_MS = 60_000;

/** Client-wide settings, shared by all operations of one provider instance. */
export interface ExecutionContext {
  provider: ProviderId;
  transport: TransportOptions;
  retry?: Partial<RetryOptions> | false | undefined;
  timeoutMs?: number | undefined;
  hooks?: Hooks | undefined;
  /** Response headers that carry the cloud's request id, first match wins. */
  requestIdHeaders: readonly string[];
}

export interface OperationPlan<T> {
  operation: string;
  /** False for creates: an ambiguous failure is then reconciled before any retry. */
  idempotent: boolean;
  /** Builds and signs the request; called again for every attempt (signatures carry a date). */
  request(): Promise<HttpRequest>;
  /**
   * Sends the attempt another way than the shared transport (PAI: through the cloud's own
   * runtime). Resolves with the response, error statuses included; rejects only when no response
   * came, with a CrosstuneError or what the underlying client threw.
   */
  send?(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse>;
  /** The cloud's error in this response, or undefined when it is a success. */
  errorOf(response: HttpResponse, details: ErrorDetails): CrosstuneError | undefined;
  decode(response: HttpResponse, details: ErrorDetails): T;
  /**
   * For non-idempotent operations: after an ambiguous failure, find out whether the operation
   * took effect. Return its result if it did, undefined if it did not.
   */
  reconcile?(): Promise<T | undefined>;
}

export async function execute<T>(
  ctx: ExecutionContext,
  plan: OperationPlan<T>,
  options: CallOptions = {},
): Promise<T> {
  const policy = resolveRetry(ctx.retry, options.retry);
  const timeoutMs = options.timeoutMs ?? ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  let ambiguousEarlier = false;

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw abortErrorFrom(options.signal);
    const attemptStart = performance.now();
    const outcome = await attemptOnce(ctx, plan, options.signal, timeoutMs);
    const error = outcome.error;
    const event = {
      provider: ctx.provider,
      operation: plan.operation,
      attempt,
      durationMs: performance.now() - attemptStart,
      httpStatus: outcome.status ?? error?.httpStatus,
      requestId: outcome.requestId ?? error?.requestId,
      errorClass: error?.name,
      errorCode: error?.code,
    };
    if (!error) {
      emit(ctx.hooks, event);
      return outcome.value as T;
    }
    if (error.name === 'AbortError') {
      emit(ctx.hooks, event);
      throw error;
    }

    if (!plan.idempotent) {
      // A create that may have happened is looked up, never blindly sent again; a conflict on
      // a later attempt most likely means an earlier, ambiguous attempt succeeded.
      const ambiguous = isAmbiguous(error);
      if (ambiguous || (ambiguousEarlier && error.name === 'ConflictError')) {
        if (!plan.reconcile) {
          emit(ctx.hooks, event);
          throw error;
        }
        const found = await plan.reconcile();
        if (found !== undefined) {
          emit(ctx.hooks, event);
          return found;
        }
      }
      ambiguousEarlier ||= ambiguous;
    }

    const delay = backoffDelay(error, attempt - 1, policy);
    const canRetry =
      isRetryable(error) &&
      attempt < policy.maxAttempts &&
      Date.now() - started + delay <= policy.maxElapsedMs;
    emit(ctx.hooks, canRetry ? { ...event, retryDelayMs: delay } : event);
    if (!canRetry) throw error;
    await sleep(delay, options.signal);
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
  userSignal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<AttemptOutcome<T>> {
  const details: ErrorDetails = { provider: ctx.provider, operation: plan.operation };
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = userSignal ? AbortSignal.any([userSignal, timeout]) : timeout;
  // Building and signing is not sending: its failures (e.g. no credentials) are not retried.
  let request: HttpRequest;
  try {
    request = await plan.request();
  } catch (error) {
    if (CrosstuneError.is(error)) return { error };
    return {
      error: new AuthenticationError(`Could not sign the request: ${messageOf(error)}`, {
        ...details,
        cause: error,
      }),
    };
  }
  let response: HttpResponse;
  try {
    response = plan.send ? await plan.send(request, signal) : await send(request, ctx.transport, signal);
  } catch (error) {
    if (CrosstuneError.is(error)) return { error };
    return { error: transportFailure(error, { userSignal, timeoutMs, details }) };
  }
  const requestId = requestIdOf(response.headers, ctx.requestIdHeaders);
  const withResponse: ErrorDetails = { ...details, httpStatus: response.status, requestId };
  try {
    const error = plan.errorOf(response, withResponse);
    if (error) return { error, status: response.status, requestId };
    return { value: plan.decode(response, withResponse), status: response.status, requestId };
  } catch (error) {
    if (CrosstuneError.is(error)) return { error, status: response.status, requestId };
    throw error;
  }
}

function requestIdOf(headers: ResponseHeaders, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
