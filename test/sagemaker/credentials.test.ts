import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticationError } from '../../src/index.js';
import type { AwsCredentials } from '../../src/providers/sagemaker/index.js';
import { FAKE_AWS_CREDENTIALS } from '../../src/testing/index.js';
import { client, failure, requestsFor, useFakeServer } from './helpers/env.js';

/** Temporary credentials, as STS hands them out; the fake accepts them besides its default pair. */
const SESSION: AwsCredentials = {
  accessKeyId: 'ASIAQEXAMPLESESSION7',
  secretAccessKey: 'Zq3s9ExampleSessionSecretKeyDoNotUse0001',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLEsessionTOKENfortestsONLY+0123456789abcdefABCDEF==',
};
/** What the default chain finds in the environment in these tests. */
const FROM_ENV: AwsCredentials = {
  accessKeyId: 'AKIAQEXAMPLEFROMENV1',
  secretAccessKey: 'EnvExampleSecretKeyForTheDefaultChain002',
};

const { fake } = useFakeServer({ credentials: [FAKE_AWS_CREDENTIALS, SESSION, FROM_ENV] });
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = fileURLToPath(new URL('./fixtures/credential-chain-probe.ts', import.meta.url));
const SCOPE =
  /^AWS4-HMAC-SHA256 Credential=(\w+)\/\d{8}\/us-east-1\/sagemaker\/aws4_request, SignedHeaders=([\w;-]+), Signature=\[redacted\]$/;

function signedWith(index = 0) {
  const headers = fake.requests[index]?.headers ?? {};
  const [, keyId, signedHeaders] = SCOPE.exec(headers.authorization ?? '') ?? [];
  return { keyId, signedHeaders: signedHeaders?.split(';'), token: headers['x-amz-security-token'] };
}

describe('credentials', () => {
  it('signs with explicit long-term keys: no session token header', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    await client({ credentials: FAKE_AWS_CREDENTIALS }).experiments.get('churn-job');
    const signed = signedWith();
    expect(signed.keyId).toBe(FAKE_AWS_CREDENTIALS.accessKeyId);
    expect(signed.signedHeaders).toEqual([
      'content-type',
      'host',
      'x-amz-content-sha256',
      'x-amz-date',
      'x-amz-target',
    ]);
    expect(signed.token).toBeUndefined();
  });

  it('sends a session token as X-Amz-Security-Token, signed, and logged redacted by the fake', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    await client({ credentials: SESSION }).experiments.get('churn-job');
    const signed = signedWith();
    expect(signed.keyId).toBe(SESSION.accessKeyId);
    expect(signed.signedHeaders).toContain('x-amz-security-token');
    expect(signed.token).toBe('[redacted]');
    expect(JSON.stringify(fake.requests)).not.toContain(SESSION.sessionToken);
  });

  it('asks a provider function again only when what it gave is about to expire', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const handedOut: string[] = [];
    const sm = client({
      credentials: async () => {
        // First keys that expire in a minute, then keys without an expiry.
        const next =
          handedOut.length === 0
            ? { ...FAKE_AWS_CREDENTIALS, expiration: new Date(Date.now() + 60_000) }
            : SESSION;
        handedOut.push(next.accessKeyId);
        return next;
      },
    });
    for (let i = 0; i < 3; i++) await sm.experiments.get('churn-job');

    expect(handedOut).toEqual([FAKE_AWS_CREDENTIALS.accessKeyId, SESSION.accessKeyId]);
    expect([0, 1, 2].map((i) => signedWith(i).keyId)).toEqual([
      FAKE_AWS_CREDENTIALS.accessKeyId,
      SESSION.accessKeyId,
      SESSION.accessKeyId,
    ]);
    expect(signedWith(0).token).toBeUndefined();
    expect(signedWith(2).token).toBe('[redacted]');
  });

  it('is refused with AuthenticationError for an unknown key or a wrong session token, not retried', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    const unknown = await failure(
      client({
        credentials: { accessKeyId: 'AKIAQEXAMPLEUNKNOWN0', secretAccessKey: 'x'.repeat(40) },
      }).experiments.get('churn-job'),
    );
    expect(AuthenticationError.is(unknown)).toBe(true);
    expect(unknown).toMatchObject({ code: 'UnrecognizedClientException', httpStatus: 400, retryable: false });

    const wrongToken = await failure(
      client({ credentials: { ...SESSION, sessionToken: `${SESSION.sessionToken}x` } }).experiments.get(
        'churn-job',
      ),
    );
    expect(AuthenticationError.is(wrongToken)).toBe(true);
    expect(requestsFor(fake, 'DescribeHyperParameterTuningJob')).toHaveLength(2);
  });

  it('reports a credential provider that fails, without sending anything', async () => {
    let asked = 0;
    const sm = client({
      credentials: async () => {
        asked += 1;
        throw new Error('Could not load credentials from any providers');
      },
    });
    const error = await failure(sm.experiments.get('churn-job'));
    expect(error.message).toMatch(/Could not load credentials/);
    expect(fake.requests).toHaveLength(0);
    // A missing credential does not come back by retrying, and is not a network failure.
    expect(error.name).not.toBe('NetworkError');
    expect(asked).toBe(1);
  });
});

describe('the AWS default chain', () => {
  const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const key of KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });
  function setEnv(credentials: AwsCredentials) {
    for (const key of KEYS) delete process.env[key];
    process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
    if (credentials.sessionToken) process.env.AWS_SESSION_TOKEN = credentials.sessionToken;
  }

  it('resolves keys from the environment when no credentials are given', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    setEnv(FROM_ENV);
    const experiment = await client({ credentials: undefined }).experiments.get('churn-job');
    expect(experiment.id).toBe('churn-job');
    expect(signedWith().keyId).toBe(FROM_ENV.accessKeyId);
    expect(signedWith().token).toBeUndefined();
  });

  it('picks up a session token from the environment too', async () => {
    fake.state.seedTuningJob({ name: 'churn-job' });
    setEnv(SESSION);
    await client({ credentials: undefined }).experiments.get('churn-job');
    expect(signedWith().keyId).toBe(SESSION.accessKeyId);
    expect(signedWith().token).toBe('[redacted]');
  });

  it('is never loaded when credentials are given (checked in a fresh process)', async () => {
    const run = (mode: 'explicit' | 'default') =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', PROBE, mode], {
        cwd: ROOT,
        timeout: 15_000,
        env: {
          PATH: process.env.PATH,
          AWS_ACCESS_KEY_ID: FAKE_AWS_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: FAKE_AWS_CREDENTIALS.secretAccessKey,
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      }).then(
        ({ stdout }) => JSON.parse(stdout) as { status: string; authorization: string; loaded: string[] },
      );
    const [explicit, fallback] = await Promise.all([run('explicit'), run('default')]);

    expect(explicit.status).toBe('completed');
    expect(explicit.loaded).toEqual([]);
    // The same probe does see the chain being loaded when it is needed.
    expect(fallback.status).toBe('completed');
    expect(fallback.loaded).toEqual(
      expect.arrayContaining([expect.stringMatching(/@aws-sdk\/credential-provider-node\//)]),
    );
    expect(fallback.authorization).toContain(`Credential=${FAKE_AWS_CREDENTIALS.accessKeyId}/`);
  });
});
