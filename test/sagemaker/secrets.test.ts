/**
 * Secrets never reach hook events, error messages or error JSON: not the secret access key, not
 * the session token, not a request signature — also when a service echoes them back.
 */
import { inspect } from 'node:util';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { type AttemptEvent, AuthenticationError, type CrosstuneError } from '../../src/index.js';
import type { AwsCredentials } from '../../src/providers/sagemaker/index.js';
import { FAKE_AWS_CREDENTIALS } from '../../src/testing/index.js';
import {
  client,
  experimentSpec,
  failure,
  operationOf,
  recordAttempts,
  useFakeServer,
} from './helpers/env.js';

const SESSION: AwsCredentials = {
  accessKeyId: 'ASIAQEXAMPLESECRETS1',
  secretAccessKey: 'Sv8kExampleSecretAccessKeyMustNotLeak003',
  sessionToken: 'IQoJb3JpZ2luX2VjMUSTNOTLEAKsessionTOKENexample/0123456789+abcdefABCDEF==',
};
const { fake, server } = useFakeServer({ credentials: [FAKE_AWS_CREDENTIALS, SESSION] });

const SIGNATURE = /Signature=[0-9a-f]{16,}/i;
const EVENT_KEYS: readonly (keyof AttemptEvent)[] = [
  'provider',
  'operation',
  'attempt',
  'durationMs',
  'httpStatus',
  'requestId',
  'errorClass',
  'errorCode',
  'retryDelayMs',
];

/** Everything a user might log about a failure. */
function exposed(error: Error): string {
  return [JSON.stringify(error), error.message, String(error), error.stack ?? ''].join('\n');
}

function expectClean(text: string, credentials: AwsCredentials = SESSION) {
  expect(text).not.toContain(credentials.secretAccessKey);
  if (credentials.sessionToken) expect(text).not.toContain(credentials.sessionToken);
  expect(text).not.toMatch(SIGNATURE);
}

describe('secrets', () => {
  it('stay out of hook events and errors across successes, retries and failures', async () => {
    const { events, hooks } = recordAttempts();
    const sm = client({ credentials: SESSION, hooks, timeoutMs: 100 });
    const errors: Error[] = [];

    fake.faults.inject({ kind: 'throttle', operation: 'CreateHyperParameterTuningJob' });
    fake.faults.inject({ kind: 'non-json', operation: 'DescribeHyperParameterTuningJob' });
    await sm.experiments.create(experimentSpec('churn-secret'));
    await sm.trials.list('churn-secret').toArray();
    errors.push(await failure(sm.experiments.get('missing-job')));
    errors.push(await failure(sm.experiments.create(experimentSpec('churn-secret'))));
    fake.faults.inject({ kind: 'delay', delayMs: 300, operation: 'DescribeHyperParameterTuningJob' });
    errors.push(await failure(sm.experiments.get('churn-secret', { retry: false })));
    fake.faults.inject({ kind: 'reset', times: 4 });
    errors.push(await failure(sm.experiments.get('churn-secret')));

    expect(errors.map((e) => e.name)).toEqual([
      'NotFoundError',
      'ConflictError',
      'TimeoutError',
      'NetworkError',
    ]);
    expect(events.length).toBeGreaterThanOrEqual(10);
    const eventText = JSON.stringify(events);
    expectClean(eventText);
    expect(eventText).not.toMatch(/authorization|x-amz-security-token|ASIA/i);
    for (const event of events) for (const key of Object.keys(event)) expect(EVENT_KEYS).toContain(key);
    for (const error of errors) expectClean(exposed(error));
    expectClean(JSON.stringify(fake.requests));
  });

  it('a wrong secret gives AuthenticationError (InvalidSignatureException) that shows no secret', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const wrong: AwsCredentials = { ...SESSION, secretAccessKey: 'WrongExampleSecretKeyThatIsAlsoSecret004' };
    const { events, hooks } = recordAttempts();
    const error = await failure(client({ credentials: wrong, hooks }).experiments.get('churn-job'));

    expect(AuthenticationError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'InvalidSignatureException', httpStatus: 400, retryable: false });
    expect(error.message).toMatch(/signature we calculated does not match/);
    expect(events).toHaveLength(1);
    expectClean(exposed(error), wrong);
    expectClean(JSON.stringify(events), wrong);
  });

  it('are masked when a service echoes the token and the signature back in its error', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    server.use(
      http.post(`${fake.endpoint}/`, ({ request }) => {
        if (operationOf(request) !== 'DescribeHyperParameterTuningJob') return undefined;
        const authorization = request.headers.get('authorization') ?? '';
        const token = request.headers.get('x-amz-security-token') ?? '';
        // AWS echoes the Authorization header in IncompleteSignature messages; this goes further.
        return HttpResponse.json(
          {
            __type: 'IncompleteSignatureException',
            message: `Authorization=${authorization} X-Amz-Security-Token: ${token} token=${token}`,
          },
          { status: 400 },
        );
      }),
    );
    const error = await failure(client({ credentials: SESSION }).experiments.get('churn-job'));

    expect(AuthenticationError.is(error)).toBe(true);
    expect(error.message).toContain('[REDACTED]');
    expectClean(exposed(error));
    expectClean(JSON.stringify((error as CrosstuneError).toJSON()));
  });

  it('are masked in what console.log prints for an error, its cause included', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    // As AWS does for a malformed signature: the Authorization header is quoted back.
    server.use(
      http.post(`${fake.endpoint}/`, ({ request }) =>
        HttpResponse.json(
          {
            __type: 'IncompleteSignatureException',
            message: `Authorization header requires 'Credential' parameter. Authorization=${request.headers.get('authorization')}`,
          },
          { status: 400 },
        ),
      ),
    );
    const error = await failure(client({ credentials: SESSION }).experiments.get('churn-job'));
    expect(AuthenticationError.is(error)).toBe(true);
    expectClean(exposed(error));
    expectClean(inspect(error, { depth: 5 }));
  });
});
