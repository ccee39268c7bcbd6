/** Turns what a transport rejects with (crosstune's node:http handler, or a fetch) into crosstune errors. */
import {
  AbortError,
  type CrosstuneError,
  type ErrorDetails,
  InvalidArgumentError,
  NetworkError,
  ResponseFormatError,
  ServiceError,
  TimeoutError,
} from '../errors.js';
import { NotAResponse, UnreadableBody } from './message.js';

/** Connection failures where the request certainly never reached the server. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Refused by node:http before sending: the request itself is malformed, so trying again is useless. */
const MALFORMED = new Set(['ERR_INVALID_CHAR', 'ERR_INVALID_HTTP_TOKEN', 'ERR_UNESCAPED_CHARACTERS']);

export interface AttemptEnd {
  /** The caller's own signal: its abort ends the call. */
  user?: AbortSignal | undefined;
  /** Whether the attempt's time limit ran out (an attempt that may be retried). */
  timedOut: boolean;
  timeoutMs: number;
}

export function transportFailure(error: unknown, signals: AttemptEnd, details: ErrorDetails): CrosstuneError {
  if (signals.user?.aborted) {
    return new AbortError('The call was aborted', { ...details, cause: signals.user.reason });
  }
  if (signals.timedOut) {
    return new TimeoutError(`No answer within ${signals.timeoutMs} ms`, {
      ...details,
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof UnreadableBody) {
    // A broken coding is like a body cut short: worth another attempt. A body past the cap is not.
    return new ResponseFormatError(
      `${details.operation} answered with a body that cannot be read: ${error.message}`,
      {
        ...details,
        path: '(body)',
        retryable: error.reason === 'undecodable',
        cause: error,
      },
    );
  }
  if (error instanceof NotAResponse) {
    // The caller's fetch is at fault, not the network: another attempt would get the same.
    return new InvalidArgumentError(error.message, { ...details, cause: error });
  }
  const code = errorCode(error);
  if (code !== undefined && MALFORMED.has(code)) {
    return new InvalidArgumentError(`The request could not be sent (${code}): ${messageOf(error)}`, {
      ...details,
      code,
      cause: error,
    });
  }
  return new NetworkError(`Network failure${code ? ` (${code})` : ''}: ${messageOf(error)}`, {
    ...details,
    code,
    cause: error,
  });
}

/**
 * Whether a failed attempt of a write may have taken effect on the server: the request may have
 * been received before the connection broke or the timer fired, a 5xx came, or an answer came
 * that could not be read.
 */
export function isAmbiguous(error: CrosstuneError): boolean {
  if (TimeoutError.is(error)) return true;
  if (NetworkError.is(error)) return !NOT_SENT.has(error.code ?? '');
  if (ResponseFormatError.is(error)) return error.retryable;
  return ServiceError.is(error) && (error.httpStatus ?? 0) >= 500;
}

function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
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
