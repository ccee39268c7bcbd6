/**
 * The one error mapper: every cloud declares how its error answers read (`read`, the envelope)
 * and which of its codes mean what (`codes`, `families`); the rest is the same on every cloud
 * (docs/errors.md#how-an-error-answer-is-classified):
 * 1. a code in the cloud's table decides, whatever the status (SageMaker throttles with HTTP 400);
 * 2. else what the body itself says (`kind` from the envelope, e.g. PAI's `AccessDeniedDetail`);
 * 3. else the status: 429 throttling, 401 authentication, 403 permission, 404 not found,
 *    409 conflict, 500/502/503/504 transient, any other 4xx validation, anything else a
 *    ServiceError that is not retried.
 * A throttling error waits at least what the server asked for: the cloud's own header if it has
 * one, else the standard `Retry-After`.
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
} from '../errors.js';
import type { JsonObject } from '../fields.js';
import { readJsonObject } from './decode.js';
import type { HttpResponse } from './message.js';
import { parseRetryAfter } from './retry.js';

export type ErrorKind =
  | 'authentication'
  | 'permission'
  | 'not-found'
  | 'conflict'
  | 'validation'
  | 'quota'
  | 'throttling'
  /** Worth another attempt: the service says it failed for now. */
  | 'transient'
  /** Worth another attempt only where repeating the call is harmless (PAI's "execution failure"). */
  | 'transient-if-idempotent';

/** What a cloud's error answer says, in its own words. */
export interface ErrorEnvelope {
  code?: string | undefined;
  message?: string | undefined;
  requestId?: string | undefined;
  /** A wait the cloud asks for in a header of its own, in milliseconds. */
  retryAfterMs?: number | undefined;
  /** What the body says when its code is not in the table. */
  kind?: ErrorKind | undefined;
}

export interface CloudErrors {
  /** Response headers that carry the cloud's request id, first match wins (else the envelope's). */
  requestIdHeaders: readonly string[];
  /** Reads the envelope; `body` is the answer read leniently as a JSON object, when it is one. */
  read(response: HttpResponse, body: JsonObject | undefined): ErrorEnvelope;
  /** The cloud's codes, exactly as it sends them. */
  codes: Readonly<Record<string, ErrorKind>>;
  /** Families of codes (`Throttling.*`), tried in order when the exact code is not listed. */
  families?: ReadonlyArray<readonly [RegExp, ErrorKind]> | undefined;
}

/** HTTP statuses that say "try again": the same set on every cloud. */
export const TRANSIENT_STATUS: ReadonlySet<number> = new Set([500, 502, 503, 504]);

export function kindOfStatus(status: number): ErrorKind | undefined {
  if (status === 429) return 'throttling';
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (TRANSIENT_STATUS.has(status)) return 'transient';
  // Stryker disable next-line EqualityOperator: `status <= 500` is the same, 500 returned the line before.
  if (status >= 400 && status < 500) return 'validation';
  return undefined;
}

export function kindOfCode(cloud: CloudErrors, code: string | undefined): ErrorKind | undefined {
  if (code === undefined) return undefined;
  if (Object.hasOwn(cloud.codes, code)) return cloud.codes[code];
  return cloud.families?.find(([pattern]) => pattern.test(code))?.[1];
}

export interface MapContext {
  /** Whether repeating the call is harmless; decides `transient-if-idempotent`. */
  idempotent: boolean;
  /** The body, when the caller has already read it. */
  body?: JsonObject | undefined;
}

export function mapError(
  cloud: CloudErrors,
  response: HttpResponse,
  details: ErrorDetails,
  context: MapContext,
): CrosstuneError {
  const body = context.body ?? readJsonObject(response.body);
  const envelope = cloud.read(response, body);
  const code = envelope.code;
  const message = `${code ?? `HTTP ${response.status}`}: ${envelope.message || 'no message'}`;
  const all: ErrorDetails = {
    ...details,
    httpStatus: response.status,
    code,
    requestId: requestIdOf(cloud, response) ?? envelope.requestId ?? details.requestId,
    cause: body ?? response.body.slice(0, 500),
  };
  const kind = kindOfCode(cloud, code) ?? envelope.kind ?? kindOfStatus(response.status);
  if (kind === 'throttling') {
    const retryAfterMs = envelope.retryAfterMs ?? parseRetryAfter(response.headers.get('retry-after'));
    return new ThrottlingError(message, { ...all, retryAfterMs });
  }
  if (kind === undefined || kind === 'transient' || kind === 'transient-if-idempotent') {
    const retryable = kind === 'transient' || (kind === 'transient-if-idempotent' && context.idempotent);
    return new ServiceError(message, { ...all, retryable });
  }
  return new CLASS_OF[kind](message, all);
}

const CLASS_OF = {
  authentication: AuthenticationError,
  permission: PermissionDeniedError,
  'not-found': NotFoundError,
  conflict: ConflictError,
  validation: ValidationError,
  quota: QuotaExceededError,
} as const;

/** Table entries: each of `names` means `kind`. */
export function codes(kind: ErrorKind, names: readonly string[]): Array<readonly [string, ErrorKind]> {
  return names.map((name) => [name, kind] as const);
}

/** The request id the answer's headers carry, by the cloud's header names. */
export function requestIdOf(cloud: CloudErrors, response: HttpResponse): string | undefined {
  for (const name of cloud.requestIdHeaders) {
    const value = response.headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** A non-empty string, or undefined: envelope readers take only text the cloud actually sent. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
