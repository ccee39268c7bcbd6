/** PAI's error answers (HTTP 4xx/5xx, and HTTP 200 with an error Code) in the crosstune hierarchy. */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  CrosstuneError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  QuotaExceededError,
  ServiceError,
  ThrottlingError,
  ValidationError,
} from '../../src/index.js';
import { BASE, CREDENTIALS, client, failure, on, recordAttempts, usePaiServer } from './helpers/env.js';

const env = usePaiServer();

type ErrorClass = { is(value: unknown): boolean; kind: string };

const TABLE: [number, string | undefined, ErrorClass, boolean][] = [
  [400, 'InvalidParameter', ValidationError, false],
  [400, 'InvalidParameter.PageSize', ValidationError, false],
  [400, 'MissingParameter', ValidationError, false],
  [400, 'MissingExperimentId', ValidationError, false],
  [400, 'INVALID_INPUT_PARAMS', ValidationError, false],
  [400, undefined, ValidationError, false],
  [404, 'InvalidAccessKeyId.NotFound', AuthenticationError, false],
  [400, 'InvalidAccessKeyId.Inactive', AuthenticationError, false],
  [400, 'SignatureDoesNotMatch', AuthenticationError, false],
  [400, 'IncompleteSignature', AuthenticationError, false],
  [400, 'InvalidTimeStamp.Expired', AuthenticationError, false],
  [403, 'InvalidSecurityToken.Expired', AuthenticationError, false],
  [401, undefined, AuthenticationError, false],
  [403, 'Forbidden.RAM', PermissionDeniedError, false],
  [403, 'NoPermission', PermissionDeniedError, false],
  [403, undefined, PermissionDeniedError, false],
  [404, 'INVALID_USER_OR_EXP', NotFoundError, false],
  [404, undefined, NotFoundError, false],
  [404, 'InvalidApi.NotFound', ValidationError, false],
  [409, 'Experiment.AlreadyExists', ConflictError, false],
  [400, 'QuotaExceeded.Experiment', QuotaExceededError, false],
  [400, 'Throttling.User', ThrottlingError, true],
  [429, 'Throttling.Api', ThrottlingError, true],
  [429, undefined, ThrottlingError, true],
  [500, 'InternalError', ServiceError, true],
  [503, 'ServiceUnavailable', ServiceError, true],
  [502, undefined, ServiceError, true],
  [500, 'EXECUTION_FAILURE', ServiceError, true],
  [501, 'NotImplemented', ServiceError, false],
  [400, 'SignatureNonceUsed', ServiceError, true],
];

describe('error answers', () => {
  it.each(TABLE)('HTTP %i %s → %s', async (status, code, Class, retryable) => {
    env.server.use(
      on(
        'get',
        '/hpo/experiment/e1',
        {
          RequestId: 'RID-1',
          HostId: 'paiautoml.cn-hangzhou.aliyuncs.com',
          Code: code,
          Message: 'it went wrong',
        },
        { status },
      ),
    );
    const error = await failure(client({ retry: false }).experiments.get('e1'));
    expect(Class.is(error)).toBe(true);
    expect(error.name).toBe(Class.kind);
    expect(error).toMatchObject({
      provider: 'pai',
      operation: 'GetHpoExperiment',
      httpStatus: status,
      code,
      requestId: 'RID-1',
      retryable,
    });
    expect(error.message).toBe(`${code ?? `HTTP ${status}`}: it went wrong`);
    expect((error as CrosstuneError).toJSON()).not.toHaveProperty('cause');
  });

  it('reads an error Code in an HTTP 200 answer the same way', async () => {
    for (const [code, Class] of [
      ['INVALID_USER_OR_EXP', NotFoundError],
      ['INVALID_INPUT_PARAMS', ValidationError],
      ['Throttling.User', ThrottlingError],
      ['Forbidden.RAM', PermissionDeniedError],
    ] as const) {
      env.server.use(on('get', '/hpo/experiment/e1', { RequestId: 'RID-2', Code: code, Message: 'm' }));
      const error = await failure(client({ retry: false }).experiments.get('e1'));
      expect(Class.is(error)).toBe(true);
      expect(error).toMatchObject({ httpStatus: 200, code, requestId: 'RID-2' });
    }
  });

  it('takes SUCCESS in any case, or no Code, as success', async () => {
    for (const Code of ['SUCCESS', 'Success', '', undefined]) {
      env.server.use(on('get', '/serviceidentityrole', { Code, RoleName: 'r' }));
      expect((await client().api.getServiceIdentityRole()).RoleName).toBe('r');
    }
  });

  it("takes a throttled 200 answer's x-acs-retry-after (ms) as the wait hint", async () => {
    env.server.use(
      on(
        'get',
        '/hpo/experiment/e1',
        { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' },
        { headers: { 'x-acs-retry-after': '1500', 'x-acs-request-id': 'HDR-1' } },
      ),
    );
    const error = await failure(client({ retry: false }).experiments.get('e1'));
    expect(error).toMatchObject({ name: 'ThrottlingError', retryAfterMs: 1500, requestId: 'HDR-1' });
  });

  it('retries an execution failure only where repeating the call is harmless', async () => {
    env.server.use(
      on('get', '/hpo/experiment/e1', {
        Code: 'EXECUTION_FAILURE',
        Message: 'Execution failure, please try again.',
      }),
      on('put', '/hpo/experiment/e1/restart_trials', { Code: 'EXECUTION_FAILURE', Message: 'again' }),
    );
    expect(await failure(client({ retry: false }).experiments.get('e1'))).toMatchObject({ retryable: true });
    const restart = await failure(client().api.restartHpoTrials({ ExperimentId: 'e1', TrialIds: ['t1'] }));
    expect(restart).toMatchObject({ name: 'ServiceError', retryable: false });
    expect((await env.settled()).filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  // Adapted: Alibaba's runtime threw a SyntaxError for such an answer (read as a retryable
  // ResponseFormatError); the shared mapper classifies it by its status, as on every cloud.
  it('an error status with a body that is not JSON is classified by its status, the body kept', async () => {
    env.server.use(
      http.get(
        `${BASE}/hpo/experiment/e1`,
        () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502 }),
      ),
    );
    const error = await failure(client({ retry: false }).experiments.get('e1'));
    expect(ServiceError.is(error)).toBe(true);
    expect(error).toMatchObject({ httpStatus: 502, retryable: true, operation: 'GetHpoExperiment' });
    expect((error as Error & { cause: unknown }).cause).toBe('<html>502 Bad Gateway</html>');
  });

  it('a success whose body is not JSON is a retryable ResponseFormatError too', async () => {
    env.server.use(
      http.get(`${BASE}/hpo/experiment/e1`, () => new HttpResponse('{"ExperimentId": "e1", "Na')),
    );
    const error = await failure(client({ retry: false }).experiments.get('e1'));
    expect(error).toMatchObject({
      name: 'ResponseFormatError',
      path: '(body)',
      retryable: true,
      httpStatus: 200,
    });
  });

  it('a network failure is a retryable NetworkError', async () => {
    env.server.use(http.get(`${BASE}/hpo/experiment/e1`, () => HttpResponse.error()));
    const error = await failure(client({ retry: false }).experiments.get('e1'));
    expect(NetworkError.is(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true, operation: 'GetHpoExperiment', provider: 'pai' });
    expect((error as Error & { cause: unknown }).cause).toBeInstanceOf(TypeError);
  });

  it('an answer that lacks what the schema requires names the field', async () => {
    env.server.use(on('get', '/hpo/experiment/e1', { RequestId: 'RID-3', Name: 'no id' }));
    const error = await failure(client().experiments.get('e1'));
    expect(error).toMatchObject({ name: 'ResponseFormatError', path: 'ExperimentId', retryable: false });
    expect((await env.settled()).length).toBe(1);
  });

  it('never shows the secret key or the token, even when the server echoes them', async () => {
    const token = 'sts-token-that-must-stay-hidden-42';
    env.server.use(
      on(
        'get',
        '/hpo/experiment/e1',
        {
          Code: 'SignatureDoesNotMatch',
          Message: `expected signature with ${CREDENTIALS.accessKeySecret} and token ${token}`,
        },
        { status: 400 },
      ),
    );
    const { events, hooks } = recordAttempts();
    const error = await failure(
      client({ credentials: { ...CREDENTIALS, securityToken: token }, hooks }).experiments.get('e1'),
    );
    const shown = [error.message, JSON.stringify(error), String(error.stack), JSON.stringify(events)].join(
      '\n',
    );
    expect(shown).toContain('[REDACTED]');
    expect(shown).not.toContain(CREDENTIALS.accessKeySecret);
    expect(shown).not.toContain(token);
    expect(CrosstuneError.is(error)).toBe(true);
  });
});
