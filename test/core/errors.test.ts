import { describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  ConflictError,
  CrosstuneError,
  InvalidArgumentError,
  NetworkError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  QuotaExceededError,
  ResponseFormatError,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  UnsupportedOperationError,
  ValidationError,
} from '../../src/core/errors.js';
import { registerSecret } from '../../src/core/redact.js';

describe('error hierarchy', () => {
  it('carries the call details and serializes without cause', () => {
    const err = new NotFoundError('gone', {
      provider: 'sagemaker',
      operation: 'DescribeHyperParameterTuningJob',
      httpStatus: 400,
      code: 'ResourceNotFound',
      requestId: 'req-1',
      cause: new Error('inner'),
    });
    expect(err).toBeInstanceOf(CrosstuneError);
    expect(err.name).toBe('NotFoundError');
    expect(err.retryable).toBe(false);
    expect(err.toJSON()).toEqual({
      name: 'NotFoundError',
      message: 'gone',
      provider: 'sagemaker',
      operation: 'DescribeHyperParameterTuningJob',
      httpStatus: 400,
      code: 'ResourceNotFound',
      requestId: 'req-1',
      retryable: false,
    });
    expect((err.cause as Error).message).toBe('inner');
  });

  it('brand checks match the class and its ancestors only', () => {
    const err = new ThrottlingError('slow down', { retryAfterMs: 1500 });
    expect(ThrottlingError.is(err)).toBe(true);
    expect(CrosstuneError.is(err)).toBe(true);
    expect(NotFoundError.is(err)).toBe(false);
    expect(err.retryable).toBe(true);
    expect(err.toJSON().retryAfterMs).toBe(1500);
    expect(CrosstuneError.is(new Error('plain'))).toBe(false);
    expect(CrosstuneError.is(null)).toBe(false);
  });

  it('brand checks hold across two copies of the module (the ESM/CJS double copy)', async () => {
    vi.resetModules();
    const other = await import('../../src/core/errors.js');
    expect(other.AuthenticationError).not.toBe(AuthenticationError);
    const foreign = new other.AuthenticationError('bad key', { provider: 'pai' });
    expect(foreign).not.toBeInstanceOf(AuthenticationError);
    expect(AuthenticationError.is(foreign)).toBe(true);
    expect(CrosstuneError.is(foreign)).toBe(true);
    expect(NotFoundError.is(foreign)).toBe(false);
  });

  it('names the failing path and the unsupported operation', () => {
    const format = new ResponseFormatError('bad', { path: 'TrainingJobSummaries.0.TrainingJobName' });
    expect(format.path).toBe('TrainingJobSummaries.0.TrainingJobName');
    expect(format.toJSON().path).toBe('TrainingJobSummaries.0.TrainingJobName');
    const unsupported = new UnsupportedOperationError('sagemaker', 'trials.stop', 'no such API');
    expect(unsupported.message).toBe('sagemaker does not support trials.stop: no such API');
    expect(unsupported.operation).toBe('trials.stop');
  });

  it('never shows a registered secret or a signature in its message', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    registerSecret(secret);
    const err = new AuthenticationError(
      `signature mismatch for ${secret}; Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sagemaker/aws4_request, Signature=${'ab'.repeat(32)}`,
    );
    expect(err.message).not.toContain(secret);
    expect(err.message).not.toContain('ab'.repeat(32));
    expect(JSON.stringify(err)).not.toContain(secret);
    expect(err.message).toContain('[REDACTED]');
  });
});

describe('every error class', () => {
  const classes = [
    [AuthenticationError, 'AuthenticationError'],
    [PermissionDeniedError, 'PermissionDeniedError'],
    [NotFoundError, 'NotFoundError'],
    [ConflictError, 'ConflictError'],
    [ValidationError, 'ValidationError'],
    [QuotaExceededError, 'QuotaExceededError'],
    [ThrottlingError, 'ThrottlingError'],
    [ServiceError, 'ServiceError'],
    [NetworkError, 'NetworkError'],
    [TimeoutError, 'TimeoutError'],
    [AbortError, 'AbortError'],
    [InvalidArgumentError, 'InvalidArgumentError'],
    [PaginationError, 'PaginationError'],
  ] as const;
  const make = (Class: (typeof classes)[number][0]) =>
    new Class('it failed', { provider: 'pai', operation: 'Op' });

  it.each(classes)('%o is named for its class, passes its own brand check and no other', (Class, name) => {
    const error = make(Class);
    expect(error.name).toBe(name);
    expect(Class.kind).toBe(name);
    expect(error.toJSON()).toMatchObject({ name, message: 'it failed', provider: 'pai', operation: 'Op' });
    expect(Class.is(error)).toBe(true);
    expect(CrosstuneError.is(error)).toBe(true);
    for (const [Other] of classes) if (Other !== Class) expect(Other.is(error)).toBe(false);
    expect(Object.hasOwn(error, 'cause')).toBe(false);
  });

  it('names the two classes built from other details, and retries by default only where it should', () => {
    const format = new ResponseFormatError('bad', { path: 'x' });
    expect([format.name, ResponseFormatError.is(format), NotFoundError.is(format)]).toEqual([
      'ResponseFormatError',
      true,
      false,
    ]);
    const unsupported = new UnsupportedOperationError('modelarts', 'trials.stop');
    expect([unsupported.name, unsupported.message, unsupported.provider, unsupported.operation]).toEqual([
      'UnsupportedOperationError',
      'modelarts does not support trials.stop',
      'modelarts',
      'trials.stop',
    ]);
    expect(UnsupportedOperationError.is(unsupported)).toBe(true);
    const retryable = classes.filter(([Class]) => make(Class).retryable).map(([, name]) => name);
    expect(retryable).toEqual(['ThrottlingError', 'NetworkError']);
    expect(new ThrottlingError('x', { retryable: false }).retryable).toBe(false);
    expect(new NetworkError('x', { retryable: false }).retryable).toBe(false);
  });

  it('keeps a cause only when one is given', () => {
    expect('cause' in new ServiceError('x')).toBe(false);
    expect(new ServiceError('x', { cause: 'why' }).cause).toBe('why');
  });

  it('calls a class without a kind of its own by its nearest named ancestor', () => {
    class Unnamed extends CrosstuneError {
      static override readonly kind = '';
    }
    class Narrower extends NotFoundError {}
    expect(new Unnamed('x').name).toBe('CrosstuneError');
    const narrower = new Narrower('x');
    expect(narrower.name).toBe('NotFoundError');
    expect(NotFoundError.is(narrower)).toBe(true);
  });

  it('refuses look-alikes: the kinds without the brand, the brand without a list of kinds, a non-object', () => {
    const BRAND = Symbol.for('crosstune.error');
    const KINDS = Symbol.for('crosstune.error.kinds');
    expect(NotFoundError.is({ [KINDS]: ['NotFoundError'] })).toBe(false);
    expect(NotFoundError.is({ [BRAND]: true, [KINDS]: 'NotFoundError' })).toBe(false);
    expect(NotFoundError.is({ [BRAND]: 'yes', [KINDS]: ['NotFoundError'] })).toBe(false);
    expect(
      NotFoundError.is(Object.assign(() => undefined, { [BRAND]: true, [KINDS]: ['NotFoundError'] })),
    ).toBe(false);
    expect(NotFoundError.is({ [BRAND]: true, [KINDS]: ['NotFoundError'] })).toBe(true);
    expect(NotFoundError.is('NotFoundError')).toBe(false);
    expect(NotFoundError.is(undefined)).toBe(false);
  });
});
