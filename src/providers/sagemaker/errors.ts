/**
 * SageMaker's error wire form (AWS JSON 1.1) mapped into the crosstune hierarchy. The code comes
 * from `x-amzn-ErrorType`, else the body's `code` or `__type`, cut at `:` and after `#`.
 * Throttling arrives as HTTP 400 `ThrottlingException`, so the code decides, not the status.
 */
import {
  AuthenticationError,
  ConflictError,
  type CrosstuneError,
  type ErrorDetails,
  NotFoundError,
  PermissionDeniedError,
  QuotaExceededError,
  ServiceError,
  ThrottlingError,
  ValidationError,
} from '../../core/errors.js';
import { parseRetryAfter } from '../../core/http/retry.js';
import type { HttpResponse } from '../../core/http/transport.js';

const THROTTLING = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);

const AUTHENTICATION = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
]);

const PERMISSION = new Set(['AccessDeniedException', 'NotAuthorized', 'OptInRequired']);
const VALIDATION = new Set([
  'ValidationException',
  'ValidationError',
  'InvalidAction',
  'SerializationException',
]);
const TRANSIENT_CODES = new Set(['RequestTimeout', 'RequestTimeoutException']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

export function errorCode(
  response: HttpResponse,
  body: Record<string, unknown> | undefined,
): string | undefined {
  const fromBody = Object.entries(body ?? {}).find(([k]) => k.toLowerCase() === 'code')?.[1] ?? body?.__type;
  const raw =
    response.headers.get('x-amzn-errortype') ?? (typeof fromBody === 'string' ? fromBody : undefined);
  if (!raw) return undefined;
  const code = raw.split(',')[0]?.split(':')[0] ?? raw;
  return code.includes('#') ? code.slice(code.lastIndexOf('#') + 1) : code;
}

export function toSageMakerError(response: HttpResponse, details: ErrorDetails): CrosstuneError {
  let body: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(response.body) as unknown;
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  const code = errorCode(response, body);
  const text = body?.message ?? body?.Message;
  const message = `${code ?? `HTTP ${response.status}`}: ${typeof text === 'string' && text ? text : 'no message'}`;
  const all: ErrorDetails = { ...details, code, cause: body ?? response.body.slice(0, 500) };
  if ((code && THROTTLING.has(code)) || response.status === 429) {
    const retryAfterMs =
      parseRetryAfter(response.headers.get('retry-after')) ??
      numberOrUndefined(response.headers.get('x-amz-retry-after'));
    return new ThrottlingError(message, { ...all, retryAfterMs });
  }
  if (code === 'ResourceNotFound') return new NotFoundError(message, all);
  if (code === 'ResourceInUse') return new ConflictError(message, all);
  if (code === 'ResourceLimitExceeded') return new QuotaExceededError(message, all);
  if (code && AUTHENTICATION.has(code)) return new AuthenticationError(message, all);
  if (code && PERMISSION.has(code)) return new PermissionDeniedError(message, all);
  if (code && VALIDATION.has(code)) return new ValidationError(message, all);
  const retryable =
    TRANSIENT_STATUS.has(response.status) || (code !== undefined && TRANSIENT_CODES.has(code));
  return new ServiceError(message, { ...all, retryable });
}

function numberOrUndefined(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isFinite(n) ? n : undefined;
}
