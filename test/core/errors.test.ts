import { describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  CrosstuneError,
  NotFoundError,
  ResponseFormatError,
  ThrottlingError,
  UnsupportedOperationError,
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
