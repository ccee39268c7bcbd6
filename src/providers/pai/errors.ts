/**
 * PAI's error answers for the shared mapper (reference §8). An answer is an error when its HTTP
 * status is 4xx/5xx, or when an HTTP 200 body carries a `Code` other than `SUCCESS` — PAI
 * documents `Code` as "set only when the response errors" and whether its own business errors
 * come with 4xx or with 200 is not known, so both are read the same way. The code decides before
 * the status: gateways send throttling and signature errors as HTTP 400.
 */
import type { JsonObject } from '../../core/fields.js';
import { type CloudErrors, codes, text } from '../../core/http/error-mapper.js';

/** "Execution failure, please try again.": worth another attempt, but only where repeating is harmless. */
const EXECUTION_FAILURE = ['EXECUTION_FAILURE', 'ExecutionFailure'];

export const PAI_ERRORS: CloudErrors = {
  requestIdHeaders: ['x-acs-request-id'],
  read(response, body) {
    const hint = Number(response.headers.get('x-acs-retry-after'));
    return {
      code: codeOf(body),
      message: text(body?.Message ?? body?.message),
      requestId: text(body?.RequestId ?? body?.requestId),
      retryAfterMs: Number.isFinite(hint) && hint > 0 ? hint : undefined,
      kind: body?.AccessDeniedDetail === undefined ? undefined : 'permission',
    };
  },
  codes: Object.fromEntries([
    ...codes('authentication', [
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
    ]),
    ...codes('permission', ['Forbidden', 'Forbidden.RAM', 'Forbidden.AccessDenied', 'NoPermission']),
    // The service's own word for an experiment or trial that does not exist (or is another user's).
    ...codes('not-found', ['INVALID_USER_OR_EXP']),
    // The request names an API the endpoint does not have: a client or endpoint mistake, not a missing resource.
    ...codes('validation', ['InvalidApi.NotFound', 'InvalidAction.NotFound', 'InvalidProduct.NotFound']),
    ...codes('validation', [
      'INVALID_INPUT_PARAMS',
      'InvalidParameter',
      'MissingParameter',
      'InvalidApi.Param',
    ]),
    ...codes('transient', [
      'ServiceUnavailable',
      'InternalError',
      'InternalServerError',
      'UnknownError',
      // Each attempt is signed with a fresh nonce, so another attempt cannot collide again.
      'SignatureNonceUsed',
    ]),
    ...codes('transient-if-idempotent', EXECUTION_FAILURE),
  ]),
  families: [
    [/^Throttling/, 'throttling'],
    [/^Forbidden/, 'permission'],
    [/\.NotFound$/, 'not-found'],
    [/AlreadyExist|Conflict/, 'conflict'],
    [/^(QuotaExceeded|Quota\.)/, 'quota'],
    [/^(InvalidParameter|Missing)/, 'validation'],
  ],
};

export function isExecutionFailure(code: string | undefined): boolean {
  return code !== undefined && EXECUTION_FAILURE.includes(code);
}

export function codeOf(body: JsonObject | undefined): string | undefined {
  const code = body?.Code ?? body?.code;
  return typeof code === 'string' && code !== '' && code !== 'undefined' ? code : undefined;
}

/** `SUCCESS` (any case) or no code at all: a successful answer. */
export function isSuccessCode(code: string | undefined): boolean {
  return code === undefined || code.toUpperCase() === 'SUCCESS';
}
