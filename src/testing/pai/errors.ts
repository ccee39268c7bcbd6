/**
 * PAI's error wire form (reference §8.1): HTTP status, JSON body
 * `{ RequestId, HostId, Code, Message, Recommend, AccessDeniedDetail? }`, and the request id again
 * in `x-acs-request-id`. Texts marked "POP" are the Alibaba Cloud gateway's published common-error
 * texts; the service's own texts (INVALID_USER_OR_EXP, INVALID_INPUT_PARAMS) are the fake's wording.
 */
export class PaiWireError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly accessDeniedDetail?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = code;
  }
}

const STRING_TO_SIGN_PREFIX = 'Specified signature does not match our calculation. server string to sign is:';

export const wireErrors = {
  /** reference §8.1 example text. */
  apiNotFound: () =>
    new PaiWireError(
      'InvalidApi.NotFound',
      'Specified api is not found, please check your url and method.',
      404,
    ),
  invalidInput: (message: string) => new PaiWireError('INVALID_INPUT_PARAMS', message, 400),
  /** The service's code for an unknown experiment, or one the caller may not see (reference §8.1). */
  notFound: (message: string) => new PaiWireError('INVALID_USER_OR_EXP', message, 404),
  /** POP: `MissingParameter`, for a required common header such as `x-acs-version`. */
  missingParameter: (name: string) =>
    new PaiWireError(
      'MissingParameter',
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    ),
  invalidVersion: () => new PaiWireError('InvalidVersion', 'Specified parameter Version is not valid.'),
  /** POP texts (V3 signature documentation's error table). */
  incompleteSignature: () =>
    new PaiWireError('IncompleteSignature', 'The request signature does not conform to Aliyun standards.'),
  signatureDoesNotMatch: (serverStringToSign: string) =>
    new PaiWireError('SignatureDoesNotMatch', `${STRING_TO_SIGN_PREFIX}${serverStringToSign}`),
  accessKeyNotFound: () =>
    new PaiWireError('InvalidAccessKeyId.NotFound', 'Specified access key is not found.', 404),
  timestampFormat: () =>
    new PaiWireError('InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.'),
  timestampExpired: () =>
    new PaiWireError('InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'),
  nonceUsed: () => new PaiWireError('SignatureNonceUsed', 'Specified signature nonce was used already.'),
  missingSecurityToken: () =>
    new PaiWireError('MissingSecurityToken', 'SecurityToken is mandatory for this action.'),
  securityTokenMismatch: () =>
    new PaiWireError(
      'InvalidSecurityToken.MismatchWithAccessKey',
      'Specified SecurityToken mismatch with the AccessKey.',
    ),
  securityTokenMalformed: () =>
    new PaiWireError('InvalidSecurityToken.Malformed', 'Specified SecurityToken is malformed.'),
  noPermission: (action: string, resource: string, userId: string) =>
    new PaiWireError(
      'NoPermission',
      `You are not authorized to do this action. Resource: ${resource} Action: paiautoml:${action}`,
      403,
      {
        AuthAction: `paiautoml:${action}`,
        AuthPrincipalType: 'sub',
        AuthPrincipalOwnerId: userId,
        PolicyType: 'AccountLevelIdentityBasedPolicy',
        NoPermissionType: 'NoPermission',
      },
    ),
  /** POP: `Throttling.User`; HTTP 400 unless the fault names another status (429 is also seen). */
  throttling: (status = 400) =>
    new PaiWireError('Throttling.User', 'Request was denied due to user flow control.', status),
  internalError: (status = 500) =>
    new PaiWireError(
      'InternalError',
      'The request processing has failed due to some unknown error, exception or failure.',
      status,
    ),
  serviceUnavailable: (status = 503) =>
    new PaiWireError(
      'ServiceUnavailable',
      'The request has failed due to a temporary failure of the server.',
      status,
    ),
};

/** Headers every answer carries. `date` is real time, as clients correct clock skew with it. */
export function baseHeaders(requestId: string): Headers {
  return new Headers({
    'content-type': 'application/json;charset=utf-8',
    'x-acs-request-id': requestId,
    date: new Date().toUTCString(),
  });
}

/** A 200 answer: the request id first, as PAI's bodies have it. */
export function jsonResponse(body: Record<string, unknown>, requestId: string): Response {
  return new Response(JSON.stringify({ RequestId: requestId, ...body }), {
    status: 200,
    headers: baseHeaders(requestId),
  });
}

export function errorResponse(error: PaiWireError, requestId: string, host: string): Response {
  const body: Record<string, unknown> = {
    RequestId: requestId,
    HostId: host,
    Code: error.code,
    Message: error.message,
    // The troubleshooting link POP adds; its exact query format is unverified.
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=paiAutoML&requestId=${requestId}`,
  };
  if (error.accessDeniedDetail) body.AccessDeniedDetail = error.accessDeniedDetail;
  return new Response(JSON.stringify(body), { status: error.status, headers: baseHeaders(requestId) });
}
