/**
 * One error hierarchy for every cloud. Each class carries a `Symbol.for` brand so that
 * `NotFoundError.is(err)` holds even when `err` was built by the other (ESM vs CJS) copy of
 * the package, where `instanceof` cannot.
 */
import { redactCause, redactText } from './redact.js';

const BRAND = Symbol.for('crosstune.error');
const KINDS = Symbol.for('crosstune.error.kinds');
/**
 * Type-only: the classes hold the same fields, so without this TypeScript takes them for one
 * another and a failed `X.is(err)` would narrow `err` to `never`.
 */
declare const CLASS: unique symbol;

/** The clouds crosstune speaks to: a provider's `id` and every error's and object's `provider`. */
export type ProviderId = 'sagemaker' | 'pai' | 'modelarts';

/** What an error knows of the failed call; the fields are copied onto the error as they are. */
export interface ErrorDetails {
  provider?: ProviderId | undefined;
  operation?: string | undefined;
  httpStatus?: number | undefined;
  /** The cloud's own error code, e.g. `ThrottlingException`, `ModelArts.2775`. */
  code?: string | undefined;
  requestId?: string | undefined;
  retryable?: boolean | undefined;
  cause?: unknown;
}

/**
 * The base of every error crosstune throws. Test the class with `X.is(err)` rather than
 * `instanceof`: it holds across the ESM and CJS copies of the package.
 *
 * @example
 * ```ts
 * import { NotFoundError, ThrottlingError } from 'crosstune';
 * import { sagemaker } from 'crosstune/sagemaker';
 *
 * try {
 *   await sagemaker({ region: 'us-east-1' }).experiments.get('xgb-tune-0001');
 * } catch (err) {
 *   if (NotFoundError.is(err)) console.log('no such tuning job', err.requestId);
 *   else if (ThrottlingError.is(err)) console.log('throttled; retry after', err.retryAfterMs, 'ms');
 *   else throw err;
 * }
 * ```
 */
export class CrosstuneError extends Error {
  static readonly kind: string = 'CrosstuneError';
  readonly provider: ProviderId | undefined;
  readonly operation: string | undefined;
  readonly httpStatus: number | undefined;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  declare readonly [BRAND]: true;
  declare readonly [KINDS]: readonly string[];
  declare protected readonly [CLASS]: string;

  constructor(message: string, details: ErrorDetails = {}) {
    super(
      redactText(message),
      details.cause === undefined ? undefined : { cause: redactCause(details.cause) },
    );
    const kinds: string[] = [];
    // Stryker disable next-line OptionalChaining: the walk stops at Error (no kind) before any null.
    for (let c = new.target as unknown as { kind?: string } | null; c?.kind; c = Object.getPrototypeOf(c)) {
      // Stryker disable next-line ConditionalExpression: a kind listed twice changes neither `name` nor `is()`.
      if (!kinds.includes(c.kind)) kinds.push(c.kind);
    }
    Object.defineProperty(this, BRAND, { value: true });
    Object.defineProperty(this, KINDS, { value: kinds });
    this.name = kinds[0] ?? 'CrosstuneError';
    this.provider = details.provider;
    this.operation = details.operation;
    this.httpStatus = details.httpStatus;
    this.code = details.code;
    this.requestId = details.requestId;
    this.retryable = details.retryable ?? false;
  }

  /** Brand check that works across module copies (ESM/CJS) and realms. */
  static is<T extends { readonly kind: string; prototype: CrosstuneError }>(
    this: T,
    value: unknown,
  ): value is T['prototype'] {
    if (typeof value !== 'object' || value === null) return false;
    const kinds = (value as { [KINDS]?: unknown })[KINDS];
    const branded = (value as { [BRAND]?: unknown })[BRAND] === true;
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `is` was called on.
    return branded && Array.isArray(kinds) && kinds.includes(this.kind);
  }

  /** The fields as plain data, for logs; `cause` is left out (it may hold the whole answer). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      provider: this.provider,
      operation: this.operation,
      httpStatus: this.httpStatus,
      code: this.code,
      requestId: this.requestId,
      retryable: this.retryable,
    };
  }
}

/** The cloud does not accept the credentials or the signature (HTTP 401, an expired token…). Not retryable. */
export class AuthenticationError extends CrosstuneError {
  static override readonly kind = 'AuthenticationError';
  declare protected readonly [CLASS]: 'AuthenticationError';
}
/** The identity is known but not allowed to do this (HTTP 403, `AccessDeniedException`). Not retryable. */
export class PermissionDeniedError extends CrosstuneError {
  static override readonly kind = 'PermissionDeniedError';
  declare protected readonly [CLASS]: 'PermissionDeniedError';
}
/** The experiment, trial or job does not exist (HTTP 404, or the cloud's own code for it). Not retryable. */
export class NotFoundError extends CrosstuneError {
  static override readonly kind = 'NotFoundError';
  declare protected readonly [CLASS]: 'NotFoundError';
}
/** The name is taken or the resource is busy (HTTP 409, SageMaker `ResourceInUse`). Not retryable. */
export class ConflictError extends CrosstuneError {
  static override readonly kind = 'ConflictError';
  declare protected readonly [CLASS]: 'ConflictError';
}
/** The cloud rejected the request as invalid (a 4xx without a more specific class). Not retryable. */
export class ValidationError extends CrosstuneError {
  static override readonly kind = 'ValidationError';
  declare protected readonly [CLASS]: 'ValidationError';
}
/** An account limit was reached (SageMaker `ResourceLimitExceeded`); not throttling, so not retryable. */
export class QuotaExceededError extends CrosstuneError {
  static override readonly kind = 'QuotaExceededError';
  declare protected readonly [CLASS]: 'QuotaExceededError';
}

/** Too many requests (HTTP 429 or a cloud's throttling code, whatever the status). Retryable. */
export class ThrottlingError extends CrosstuneError {
  static override readonly kind = 'ThrottlingError';
  declare protected readonly [CLASS]: 'ThrottlingError';
  /** The server's `Retry-After` hint in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: ErrorDetails & { retryAfterMs?: number | undefined } = {}) {
    super(message, { retryable: true, ...details });
    this.retryAfterMs = details.retryAfterMs;
  }
  /** The base fields and `retryAfterMs`. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** Any other error answer (a 5xx, a 3xx: redirects are not followed); retryable for 500, 502, 503, 504. */
export class ServiceError extends CrosstuneError {
  static override readonly kind = 'ServiceError';
  declare protected readonly [CLASS]: 'ServiceError';
}
/** The connection failed or was reset; `code` is the system's (e.g. `ECONNRESET`). Retryable. */
export class NetworkError extends CrosstuneError {
  static override readonly kind = 'NetworkError';
  declare protected readonly [CLASS]: 'NetworkError';
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, { retryable: true, ...details });
  }
}
/** No answer within the call's `timeoutMs` (per attempt), or a `wait` past its deadline. */
export class TimeoutError extends CrosstuneError {
  static override readonly kind = 'TimeoutError';
  declare protected readonly [CLASS]: 'TimeoutError';
}
/** The caller's `signal` aborted the call. Not retryable. */
export class AbortError extends CrosstuneError {
  static override readonly kind = 'AbortError';
  declare protected readonly [CLASS]: 'AbortError';
}

/** A response that does not have the shape the code relies on; `path` names the failing field. */
export class ResponseFormatError extends CrosstuneError {
  static override readonly kind = 'ResponseFormatError';
  declare protected readonly [CLASS]: 'ResponseFormatError';
  readonly path: string;
  constructor(message: string, details: ErrorDetails & { path: string }) {
    super(message, details);
    this.path = details.path;
  }
  /** The base fields and `path`. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), path: this.path };
  }
}

/** The cloud has no such operation (see the provider's `capabilities`); nothing was sent. */
export class UnsupportedOperationError extends CrosstuneError {
  static override readonly kind = 'UnsupportedOperationError';
  declare protected readonly [CLASS]: 'UnsupportedOperationError';
  constructor(provider: ProviderId, operation: string, reason?: string) {
    super(`${provider} does not support ${operation}${reason ? `: ${reason}` : ''}`, { provider, operation });
  }
}

/** Input the caller gave that crosstune rejects before sending anything. */
export class InvalidArgumentError extends CrosstuneError {
  static override readonly kind = 'InvalidArgumentError';
  declare protected readonly [CLASS]: 'InvalidArgumentError';
}

/** A paginated walk that could not go on safely (a token that repeats, a total that shrinks…). */
export class PaginationError extends CrosstuneError {
  static override readonly kind = 'PaginationError';
  declare protected readonly [CLASS]: 'PaginationError';
}

/**
 * The same error, marked as not to be retried: thrown for a write crosstune will not send again,
 * so that a caller reading `retryable` does not resend it either.
 */
export function asFinal<E extends CrosstuneError>(error: E): E {
  if (!error.retryable) return error;
  const copy = Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error)) as E;
  Object.defineProperty(copy, 'retryable', { value: false, enumerable: true });
  return copy;
}
