/**
 * One harness over every cloud's error table: each cloud's own envelope is written the way the
 * cloud sends it, and the shared mapper must give every listed code its class, every family its
 * class, and every code the cloud does not list the same documented default on all three clouds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  type CrosstuneError,
  NotFoundError,
  PermissionDeniedError,
  QuotaExceededError,
  ServiceError,
  ThrottlingError,
  ValidationError,
} from '../../src/core/errors.js';
import {
  type CloudErrors,
  type ErrorKind,
  kindOfStatus,
  mapError,
} from '../../src/core/http/error-mapper.js';
import type { HttpResponse } from '../../src/core/http/message.js';
import { MODELARTS_ERRORS } from '../../src/providers/modelarts/errors.js';
import { PAI_ERRORS } from '../../src/providers/pai/errors.js';
import { SAGEMAKER_ERRORS } from '../../src/providers/sagemaker/errors.js';

interface Cloud {
  table: CloudErrors;
  /** An error answer with `code` (or none) in the cloud's own wire form. */
  answer(status: number, code: string | undefined, headers?: Record<string, string>): HttpResponse;
}

const response = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: new Headers(headers),
  body: JSON.stringify(body),
});

const CLOUDS: Record<string, Cloud> = {
  sagemaker: {
    table: SAGEMAKER_ERRORS,
    answer: (status, code, headers) =>
      response(
        status,
        code === undefined
          ? { message: 'said' }
          : { __type: `com.amazonaws.sagemaker#${code}`, message: 'said' },
        {
          'x-amzn-requestid': 'rid',
          ...headers,
        },
      ),
  },
  pai: {
    table: PAI_ERRORS,
    answer: (status, code, headers) =>
      response(status, { RequestId: 'rid', Code: code, Message: 'said' }, headers),
  },
  modelarts: {
    table: MODELARTS_ERRORS,
    answer: (status, code, headers) =>
      response(status, { error_code: code, error_msg: 'said' }, { 'x-request-id': 'rid', ...headers }),
  },
};
const NAMES = Object.keys(CLOUDS);

const CLASS_OF: Record<ErrorKind, { is(value: unknown): boolean }> = {
  authentication: AuthenticationError,
  permission: PermissionDeniedError,
  'not-found': NotFoundError,
  conflict: ConflictError,
  validation: ValidationError,
  quota: QuotaExceededError,
  throttling: ThrottlingError,
  transient: ServiceError,
  'transient-if-idempotent': ServiceError,
};

const map = (cloud: Cloud, answer: HttpResponse, idempotent = true) =>
  mapError(cloud.table, answer, { provider: 'sagemaker', operation: 'Op' }, { idempotent });

/** What a kind means for `retryable` (idempotent call). */
const retryableFor = (kind: ErrorKind | undefined) =>
  kind === 'throttling' || kind === 'transient' || kind === 'transient-if-idempotent';

describe.each(NAMES)('%s: every code in its table', (name) => {
  const cloud = CLOUDS[name] as Cloud;
  const entries = Object.entries(cloud.table.codes);

  it.each(entries)('%s → %s, whatever the status', (code, kind) => {
    for (const status of [400, 403, 404, 409, 429, 500, 503]) {
      const error = map(cloud, cloud.answer(status, code));
      expect(CLASS_OF[kind].is(error), `${code} at ${status}: ${error.name}`).toBe(true);
      expect(error).toMatchObject({
        code,
        httpStatus: status,
        retryable: retryableFor(kind),
        requestId: 'rid',
      });
      expect(error.message).toBe(`${code}: said`);
    }
  });

  it('a code retried only where repeating is harmless is not retried for a write', () => {
    for (const [code, kind] of entries) {
      if (kind !== 'transient-if-idempotent') continue;
      expect(map(cloud, cloud.answer(500, code), false).retryable).toBe(false);
    }
  });
});

describe.each(NAMES.filter((name) => CLOUDS[name]?.table.families?.length))(
  '%s: families of codes',
  (name) => {
    const cloud = CLOUDS[name] as Cloud;
    const families = cloud.table.families ?? [];
    it.each(families.map(([pattern, kind]) => [String(pattern), pattern, kind] as const))(
      '%s → its class, unless listed exactly or an earlier family claims it',
      (_label, pattern, kind) => {
        const position = families.findIndex(([p]) => p === pattern);
        const code = fc
          .stringMatching(pattern)
          .filter(
            (c) =>
              c.trim() === c &&
              c !== '' &&
              !Object.hasOwn(cloud.table.codes, c) &&
              !families.slice(0, position).some(([earlier]) => earlier.test(c)),
          );
        fc.assert(
          fc.property(code, (c) => {
            const error = map(cloud, cloud.answer(400, c));
            expect(CLASS_OF[kind].is(error), `${c}: ${error.name}`).toBe(true);
            expect(error.code).toBe(c);
          }),
        );
      },
    );
  },
);

describe('the same defaults on every cloud', () => {
  /** A code no cloud lists or matches by family. */
  const unknownCode = fc
    .stringMatching(/^Zq[A-Za-z0-9.]{0,12}$/)
    .filter((code) =>
      Object.values(CLOUDS).every(
        ({ table }) =>
          !Object.hasOwn(table.codes, code) && !(table.families ?? []).some(([p]) => p.test(code)),
      ),
    );
  const status = fc.integer({ min: 300, max: 599 });

  it('an unknown code, or none, is classified by its status alone, alike on all three clouds', () => {
    fc.assert(
      fc.property(fc.option(unknownCode, { nil: undefined }), status, (code, httpStatus) => {
        const errors = NAMES.map((name) => {
          const cloud = CLOUDS[name] as Cloud;
          return map(cloud, cloud.answer(httpStatus, code));
        });
        const kind = kindOfStatus(httpStatus);
        for (const error of errors) {
          const expected = kind ? CLASS_OF[kind] : ServiceError;
          expect(expected.is(error), `${httpStatus} ${code}: ${error.name}`).toBe(true);
          expect(error.retryable).toBe(retryableFor(kind));
          expect(error.code).toBe(code);
        }
        expect(new Set(errors.map((e: CrosstuneError) => e.name)).size).toBe(1);
      }),
    );
  });

  it('the defaults table as documented in docs/errors.md', () => {
    const table: Array<[number, ErrorKind | undefined]> = [
      [301, undefined],
      [400, 'validation'],
      [401, 'authentication'],
      [403, 'permission'],
      [404, 'not-found'],
      [405, 'validation'],
      [409, 'conflict'],
      [422, 'validation'],
      [429, 'throttling'],
      [500, 'transient'],
      [501, undefined],
      [502, 'transient'],
      [503, 'transient'],
      [504, 'transient'],
      [505, undefined],
    ];
    for (const [httpStatus, kind] of table) expect(kindOfStatus(httpStatus), String(httpStatus)).toBe(kind);
  });

  it.each(NAMES)(
    '%s: a throttled answer waits at least what Retry-After asks; a body that is not JSON is kept as the cause',
    (name) => {
      const cloud = CLOUDS[name] as Cloud;
      const throttled = map(cloud, cloud.answer(429, undefined, { 'retry-after': '3' }));
      expect(ThrottlingError.is(throttled) && throttled.retryAfterMs).toBe(3000);
      const page: HttpResponse = { status: 502, headers: new Headers(), body: '<html>Bad Gateway</html>' };
      const error = map(cloud, page);
      expect(error).toMatchObject({ name: 'ServiceError', retryable: true, message: 'HTTP 502: no message' });
      expect(error.cause).toBe('<html>Bad Gateway</html>');
    },
  );
});

describe('what the mapper takes from an answer', () => {
  const details = { provider: 'pai', operation: 'Op' } as const;

  it('an answer without a code is classified by its body or status, never by a family of codes', () => {
    // The family matches any lowercase code, "undefined" included.
    const cloud: CloudErrors = {
      requestIdHeaders: [],
      read: () => ({}),
      codes: {},
      families: [[/^[a-z]/, 'quota']],
    };
    const error = mapError(cloud, { status: 404, headers: new Headers(), body: '{}' }, details, {
      idempotent: true,
    });
    expect(NotFoundError.is(error), error.name).toBe(true);
    expect(error).toMatchObject({ code: undefined, httpStatus: 404, message: 'HTTP 404: no message' });
  });

  it.each(NAMES)('%s: an answer that is not JSON is kept as the cause, its first 500 characters', (name) => {
    const cloud = CLOUDS[name] as Cloud;
    const body = `<html>${'x'.repeat(600)}</html>`;
    const error = map(cloud, { status: 503, headers: new Headers(), body });
    expect(error.cause).toBe(body.slice(0, 500));
  });

  // Fields the cloud sent as something other than non-empty text are not taken (core/http/error-mapper.ts
  // `text`): no number as a code, no empty request id, no empty message.
  const untyped: Record<string, { body: unknown; code: string | undefined; message: string }> = {
    sagemaker: { body: { message: 42 }, code: undefined, message: 'HTTP 400: no message' },
    pai: { body: { Code: 'Zq', Message: 7, RequestId: '' }, code: 'Zq', message: 'Zq: no message' },
    modelarts: {
      body: { error_code: 1234, error_msg: '', request_id: '' },
      code: undefined,
      message: 'HTTP 400: no message',
    },
  };
  it.each(NAMES)('%s: a field that is not text, or empty text, is not read as said', (name) => {
    const cloud = CLOUDS[name] as Cloud;
    const { body, code, message } = untyped[name] as (typeof untyped)[string];
    const error = mapError(
      cloud.table,
      response(400, body),
      { ...details, requestId: 'from-the-call' },
      {
        idempotent: true,
      },
    );
    expect(ValidationError.is(error), error.name).toBe(true);
    expect(error).toMatchObject({ code, message, requestId: 'from-the-call' });
  });

  it('ModelArts: an empty error code is no code; the other envelope’s code is read instead', () => {
    const error = mapError(
      MODELARTS_ERRORS,
      response(400, { error_code: '', error: { code: 'ModelArts.2775', message: 'gone' } }),
      details,
      { idempotent: true },
    );
    expect(NotFoundError.is(error), error.name).toBe(true);
    expect(error).toMatchObject({ code: 'ModelArts.2775', message: 'ModelArts.2775: gone' });
  });
});
