import { describe, expect, it } from 'vitest';
import { CrosstuneError } from '../../src/core/errors.js';
import { mapError } from '../../src/core/http/error-mapper.js';
import { MODELARTS_ERRORS } from '../../src/providers/modelarts/errors.js';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers(headers),
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const details = { provider: 'modelarts' as const, operation: 'Op' };
const classify = (status: number, body: unknown, headers?: Record<string, string>) =>
  mapError(MODELARTS_ERRORS, answer(status, body, headers), details, { idempotent: true });

describe('ModelArts error answers through the shared mapper', () => {
  it.each([
    [400, 'ModelArts.2775', 'NotFoundError', false],
    [400, 'ModelArts.0102', 'NotFoundError', false],
    [404, 'APIG.0101', 'ValidationError', false],
    [404, 'ModelArts.2786', 'PermissionDeniedError', false],
    [403, 'ModelArts.0210', 'PermissionDeniedError', false],
    [429, 'APIG.0308', 'ThrottlingError', true],
    [429, 'ModelArts.2799', 'ThrottlingError', true],
    [401, 'APIG.0301', 'AuthenticationError', false],
    [403, 'ModelArts.2784', 'AuthenticationError', false],
    [400, 'ModelArts.2751', 'ConflictError', false],
    [409, 'ModelArts.2796', 'ConflictError', false],
    [409, 'ModelArts.2878', 'ServiceError', true],
    [400, 'ModelArts.2815', 'QuotaExceededError', false],
    [400, 'ModelArts.0104', 'ValidationError', false],
    [500, 'ModelArts.0010', 'ServiceError', true],
    [502, 'APIG.0202', 'ServiceError', true],
  ])('HTTP %i %s → %s (retryable: %s)', (status, code, name, retryable) => {
    const error = classify(status, { error_code: code, error_msg: 'said', error_solution: 'do this' });
    expect([error.name, error.retryable, error.code, error.httpStatus]).toEqual([
      name,
      retryable,
      code,
      status,
    ]);
    expect(error.message).toBe(`${code}: said (do this)`);
  });

  it('reads the gateway form, IAM’s {error:{code,message}} form (numeric code), and no JSON at all', () => {
    const gateway = classify(401, {
      error_code: 'APIG.0301',
      error_msg: 'decrypt token fail',
      request_id: 'r-1',
    });
    expect([gateway.name, gateway.requestId]).toEqual(['AuthenticationError', 'r-1']);
    const iam = classify(401, {
      error: { code: 401, message: 'The request you have made requires authentication.' },
    });
    expect([iam.name, iam.code, iam.message]).toEqual([
      'AuthenticationError',
      '401',
      '401: The request you have made requires authentication.',
    ]);
    const html = classify(503, '<html>busy</html>');
    expect([html.name, html.retryable, html.message]).toEqual(['ServiceError', true, 'HTTP 503: no message']);
  });

  it('prefers the X-Request-Id header and keeps the body as the cause', () => {
    const error = classify(
      400,
      { error_code: 'ModelArts.2775', error_msg: 'gone', request_id: 'body-id' },
      {
        'x-request-id': 'header-id',
      },
    );
    expect(error.requestId).toBe('header-id');
    expect(CrosstuneError.is(error)).toBe(true);
    expect(error.cause).toEqual({ error_code: 'ModelArts.2775', error_msg: 'gone', request_id: 'body-id' });
  });

  it('floors a throttled retry on Retry-After', () => {
    const error = classify(
      429,
      { error_code: 'APIG.0308', error_msg: 'over ratelimit' },
      { 'retry-after': '3' },
    );
    expect((error as { retryAfterMs?: number }).retryAfterMs).toBe(3000);
  });
});
