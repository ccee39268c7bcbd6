/**
 * ModelArts' error wire forms mapped into the crosstune hierarchy: the service's
 * `{error_code, error_msg, error_solution}`, the API gateway's `{error_code: "APIG.xxxx",
 * error_msg, request_id}`, and `{error: {code, message}}`, which other Huawei services send
 * (IAM among them). The code decides before the status does: a missing training job is HTTP 400
 * `ModelArts.2775`, not 404.
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

const NOT_FOUND = new Set(['ModelArts.2775', 'ModelArts.0102']);
/** No such API (a wrong path, method or host): the call is wrong, not the resource missing. */
const WRONG_API = new Set(['APIG.0101', 'APIGW.0101', 'ModelArts.2836']);
/** The token's project is not the URL's: a permission problem, though sent as HTTP 404. */
const PERMISSION = new Set(['ModelArts.2786', 'ModelArts.0210']);
const THROTTLING = new Set(['APIG.0308', 'APIGW.0308', 'ModelArts.2799', 'ModelArts.4206', 'ModelArts.6101']);
const AUTHENTICATION = new Set([
  'APIG.0301',
  'APIGW.0301',
  'APIG.0307',
  'ModelArts.0201',
  'ModelArts.0202',
  'ModelArts.0203',
  'ModelArts.0204',
  'ModelArts.0205',
  'ModelArts.0206',
  'ModelArts.0207',
  'ModelArts.0208',
  'ModelArts.0212',
  'ModelArts.2784',
]);
const CONFLICT = new Set(['ModelArts.2751', 'ModelArts.2796']);
const QUOTA = new Set(['ModelArts.2815', 'ModelArts.0118']);
/** "The job's status changed, try again later." */
const TRANSIENT_CODES = new Set(['ModelArts.2878']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

export interface ModelArtsErrorBody {
  error_code?: unknown;
  error_msg?: unknown;
  error_solution?: unknown;
  request_id?: unknown;
  error?: { code?: unknown; message?: unknown; title?: unknown } | undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function bodyOf(response: HttpResponse): ModelArtsErrorBody | undefined {
  try {
    const parsed = JSON.parse(response.body) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as ModelArtsErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

export function toModelArtsError(response: HttpResponse, details: ErrorDetails): CrosstuneError {
  const body = bodyOf(response);
  const status = response.status;
  const iamCode = body?.error?.code;
  const code = text(body?.error_code) ?? (typeof iamCode === 'number' ? String(iamCode) : text(iamCode));
  const said = text(body?.error_msg) ?? text(body?.error?.message) ?? 'no message';
  const solution = text(body?.error_solution);
  const message = `${code ?? `HTTP ${status}`}: ${said}${solution ? ` (${solution})` : ''}`;
  const requestId = response.headers.get('x-request-id') ?? text(body?.request_id) ?? details.requestId;
  const all: ErrorDetails = {
    ...details,
    httpStatus: status,
    code,
    requestId,
    cause: body ?? response.body.slice(0, 500),
  };

  if ((code && THROTTLING.has(code)) || status === 429) {
    return new ThrottlingError(message, {
      ...all,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    });
  }
  if (code !== undefined) {
    if (NOT_FOUND.has(code)) return new NotFoundError(message, all);
    if (WRONG_API.has(code)) return new ValidationError(message, all);
    if (PERMISSION.has(code)) return new PermissionDeniedError(message, all);
    if (AUTHENTICATION.has(code)) return new AuthenticationError(message, all);
    if (CONFLICT.has(code)) return new ConflictError(message, all);
    if (QUOTA.has(code)) return new QuotaExceededError(message, all);
    if (TRANSIENT_CODES.has(code)) return new ServiceError(message, { ...all, retryable: true });
  }
  if (status === 401) return new AuthenticationError(message, all);
  if (status === 403) return new PermissionDeniedError(message, all);
  if (status === 404) return new NotFoundError(message, all);
  if (status === 409) return new ConflictError(message, all);
  if (status >= 400 && status < 500) return new ValidationError(message, all);
  return new ServiceError(message, { ...all, retryable: TRANSIENT_STATUS.has(status) });
}
