/**
 * SageMaker's error answers (AWS JSON 1.1) for the shared mapper: the code comes from
 * `x-amzn-ErrorType`, else the body's `code` or `__type`, cut at `:` and after `#`. Throttling
 * arrives as HTTP 400 `ThrottlingException`, so the code decides, not the status.
 */
import type { JsonObject } from '../../core/fields.js';
import { type CloudErrors, codes, text } from '../../core/http/error-mapper.js';
import type { HttpResponse } from '../../core/http/message.js';

export const SAGEMAKER_ERRORS: CloudErrors = {
  requestIdHeaders: ['x-amzn-requestid', 'x-amzn-request-id', 'x-amz-request-id'],
  read(response, body) {
    const said = body?.message ?? body?.Message;
    const hint = Number(response.headers.get('x-amz-retry-after'));
    return {
      code: errorCode(response, body),
      message: text(said),
      retryAfterMs: Number.isFinite(hint) && hint > 0 ? hint : undefined,
    };
  },
  codes: Object.fromEntries([
    ...codes('throttling', [
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
    ]),
    ...codes('authentication', [
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
    ]),
    ...codes('permission', ['AccessDeniedException', 'NotAuthorized', 'OptInRequired']),
    ...codes('validation', [
      'ValidationException',
      'ValidationError',
      'InvalidAction',
      'SerializationException',
    ]),
    ...codes('not-found', ['ResourceNotFound']),
    ...codes('conflict', ['ResourceInUse']),
    ...codes('quota', ['ResourceLimitExceeded']),
    ...codes('transient', ['RequestTimeout', 'RequestTimeoutException']),
  ]),
};

export function errorCode(response: HttpResponse, body: JsonObject | undefined): string | undefined {
  const fromBody = Object.entries(body ?? {}).find(([k]) => k.toLowerCase() === 'code')?.[1] ?? body?.__type;
  const raw =
    response.headers.get('x-amzn-errortype') ?? (typeof fromBody === 'string' ? fromBody : undefined);
  if (!raw) return undefined;
  const code = raw.split(',')[0]?.split(':')[0] ?? raw;
  return code.includes('#') ? code.slice(code.lastIndexOf('#') + 1) : code;
}
