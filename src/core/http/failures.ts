/** Turns what the transport rejects with (fetch, or node:http mirroring it) into crosstune errors. */
import {
  AbortError,
  type CrosstuneError,
  type ErrorDetails,
  InvalidArgumentError,
  NetworkError,
  TimeoutError,
} from '../errors.js';

/** Connection failures where the request certainly never reached the server. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Refused by node:http before sending: the request itself is malformed, so trying again is useless. */
const MALFORMED = new Set(['ERR_INVALID_CHAR', 'ERR_INVALID_HTTP_TOKEN', 'ERR_UNESCAPED_CHARACTERS']);

export function transportFailure(
  error: unknown,
  context: { userSignal?: AbortSignal | undefined; timeoutMs: number; details: ErrorDetails },
): CrosstuneError {
  if (context.userSignal?.aborted) {
    return new AbortError('The call was aborted', { ...context.details, cause: context.userSignal.reason });
  }
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TimeoutError(`No answer within ${context.timeoutMs} ms`, {
      ...context.details,
      retryable: true,
      cause: error,
    });
  }
  const code = errorCode(error);
  if (code !== undefined && MALFORMED.has(code)) {
    return new InvalidArgumentError(`The request could not be sent (${code}): ${messageOf(error)}`, {
      ...context.details,
      code,
      cause: error,
    });
  }
  return new NetworkError(`Network failure${code ? ` (${code})` : ''}: ${messageOf(error)}`, {
    ...context.details,
    code,
    cause: error,
  });
}

/**
 * Whether a failed attempt of a non-idempotent call may have taken effect on the server: the
 * request may have been received before the connection broke, the timer fired, or a 5xx came.
 */
export function isAmbiguous(error: CrosstuneError): boolean {
  if (error.name === 'TimeoutError') return true;
  if (error.name === 'NetworkError') return !NOT_SENT.has(error.code ?? '');
  // A body cut short (retryable ResponseFormatError) was an answer: the service did the work.
  if (error.name === 'ResponseFormatError') return error.retryable;
  return error.name === 'ServiceError' && (error.httpStatus ?? 0) >= 500;
}

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function messageOf(error: unknown): string {
  const cause = (error as { cause?: { message?: string } } | null)?.cause;
  const own = error instanceof Error ? error.message : String(error);
  return cause?.message ? `${own}: ${cause.message}` : own;
}
