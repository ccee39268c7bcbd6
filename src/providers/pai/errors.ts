/**
 * PAI's error answers mapped into the crosstune hierarchy (reference §8). An answer is an error
 * when its HTTP status is 4xx/5xx, or when an HTTP 200 body carries a `Code` other than
 * `SUCCESS` — PAI documents `Code` as "set only when the response errors" and whether its own
 * business errors come with 4xx or with 200 is not known, so both are read the same way. The
 * code decides before the status: gateways send throttling and signature errors as HTTP 400.
 */
import {
  AuthenticationError,
  ConflictError,
  type CrosstuneError,
  type ErrorDetails,
  NotFoundError,
  PermissionDeniedError,
  QuotaExceededError,
  ResponseFormatError,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  ValidationError,
} from '../../core/errors.js';
import type { ResponseHeaders } from '../../core/http/headers.js';
import { parseRetryAfter } from '../../core/http/retry.js';

const AUTHENTICATION = new Set([
  'InvalidAccessKeyId',
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingSecurityToken',
  'InvalidSecurityToken.Expired',
  'InvalidSecurityToken.Malformed',
  'InvalidSecurityToken.MismatchWithAccessKey',
  'InvalidTimeStamp.Expired',
  'InvalidTimeStamp.Format',
]);

const PERMISSION = new Set(['Forbidden', 'Forbidden.RAM', 'Forbidden.AccessDenied', 'NoPermission']);

/** The service's own word for an experiment or trial that does not exist (or is another user's). */
const NOT_FOUND = new Set(['INVALID_USER_OR_EXP']);

/** The request names an API the endpoint does not have: a client or endpoint mistake, not a missing resource. */
const WRONG_API = new Set(['InvalidApi.NotFound', 'InvalidAction.NotFound', 'InvalidProduct.NotFound']);

const VALIDATION = new Set([
  'INVALID_INPUT_PARAMS',
  'InvalidParameter',
  'MissingParameter',
  'InvalidApi.Param',
]);

const TRANSIENT_CODES = new Set([
  'ServiceUnavailable',
  'InternalError',
  'InternalServerError',
  'UnknownError',
  // Each attempt is signed with a fresh nonce, so another attempt cannot collide again.
  'SignatureNonceUsed',
]);

/** "Execution failure, please try again.": worth another attempt, but only where repeating is harmless. */
const EXECUTION_FAILURE = new Set(['EXECUTION_FAILURE', 'ExecutionFailure']);

export function isExecutionFailure(code: string | undefined): boolean {
  return code !== undefined && EXECUTION_FAILURE.has(code);
}

const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

export type ErrorBody = Record<string, unknown>;

export function codeOf(body: ErrorBody | undefined): string | undefined {
  const code = body?.Code ?? body?.code;
  return typeof code === 'string' && code !== '' && code !== 'undefined' ? code : undefined;
}

/** `SUCCESS` (any case) or no code at all: a successful answer. */
export function isSuccessCode(code: string | undefined): boolean {
  return code === undefined || code.toUpperCase() === 'SUCCESS';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export interface PaiErrorContext {
  /** Response headers, when the runtime kept them (it drops them on 4xx/5xx). */
  headers?: ResponseHeaders | undefined;
  /** Whether repeating the operation is harmless; decides if an execution failure is retried. */
  idempotent: boolean;
}

export function toPaiError(
  status: number,
  body: ErrorBody | undefined,
  details: ErrorDetails,
  context: PaiErrorContext,
): CrosstuneError {
  const code = codeOf(body);
  const message = `${code ?? `HTTP ${status}`}: ${text(body?.Message ?? body?.message) ?? 'no message'}`;
  const requestId =
    text(body?.RequestId ?? body?.requestId) ?? context.headers?.get('x-acs-request-id') ?? details.requestId;
  const all: ErrorDetails = { ...details, httpStatus: status, code, requestId, cause: body };

  if (code?.startsWith('Throttling') || status === 429) {
    const hintMs = Number(context.headers?.get('x-acs-retry-after'));
    const retryAfterMs =
      Number.isFinite(hintMs) && hintMs > 0 ? hintMs : parseRetryAfter(context.headers?.get('retry-after'));
    return new ThrottlingError(message, { ...all, retryAfterMs });
  }
  if (code !== undefined) {
    if (AUTHENTICATION.has(code)) return new AuthenticationError(message, all);
    if (PERMISSION.has(code) || code.startsWith('Forbidden')) return new PermissionDeniedError(message, all);
    if (WRONG_API.has(code)) return new ValidationError(message, all);
    if (NOT_FOUND.has(code) || code.endsWith('.NotFound')) return new NotFoundError(message, all);
    if (code.includes('AlreadyExist') || code.includes('Conflict')) return new ConflictError(message, all);
    if (code.startsWith('QuotaExceeded') || code.startsWith('Quota.')) {
      return new QuotaExceededError(message, all);
    }
    if (VALIDATION.has(code) || code.startsWith('InvalidParameter') || code.startsWith('Missing')) {
      return new ValidationError(message, all);
    }
    if (TRANSIENT_CODES.has(code)) return new ServiceError(message, { ...all, retryable: true });
    if (EXECUTION_FAILURE.has(code))
      return new ServiceError(message, { ...all, retryable: context.idempotent });
  }
  if (status === 401) return new AuthenticationError(message, all);
  if (status === 403 || body?.AccessDeniedDetail !== undefined)
    return new PermissionDeniedError(message, all);
  if (status === 404) return new NotFoundError(message, all);
  if (status === 409) return new ConflictError(message, all);
  if (status === 400) return new ValidationError(message, all);
  return new ServiceError(message, { ...all, retryable: TRANSIENT_STATUS.has(status) });
}

/** The `{ code, statusCode, data }` Error that @alicloud/openapi-client throws on HTTP 4xx/5xx. */
export interface RuntimeResponseError {
  statusCode: number;
  data: ErrorBody;
}

export function isRuntimeResponseError(error: unknown): error is RuntimeResponseError {
  const e = error as Partial<RuntimeResponseError> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.statusCode === 'number' &&
    typeof e.data === 'object' &&
    e.data !== null
  );
}

/**
 * What the runtime throws when it got no usable answer, as crosstune errors: a bare SyntaxError
 * is an error status whose body was not JSON (likely a gateway page, worth another attempt);
 * httpx's `RequestTimeoutError` is its own connect/read timer. Anything else (a TypeError for a
 * network failure, ECONNRESET…) is left to the shared transport mapping.
 */
export function runtimeFailure(error: unknown, details: ErrorDetails): CrosstuneError | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  if (error instanceof SyntaxError) {
    return new ResponseFormatError(
      `${details.operation} answered an error status with a body that is not JSON`,
      {
        ...details,
        path: '(body)',
        retryable: true,
        cause: error,
      },
    );
  }
  if (name === 'RequestTimeoutError') {
    return new TimeoutError(`No answer in time: ${(error as Error).message}`, {
      ...details,
      retryable: true,
      cause: error,
    });
  }
  return undefined;
}
