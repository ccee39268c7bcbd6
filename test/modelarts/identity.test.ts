/** Both ways ModelArts authenticates, the project id lookup, error mapping and secrecy, against the fake. */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AttemptEvent, AuthenticationError, NotFoundError, ThrottlingError } from '../../src/index.js';
import { modelarts } from '../../src/providers/modelarts/index.js';
import { FAKE_HUAWEI_CREDENTIALS, FAKE_HUAWEI_USER, modelartsFake } from '../../src/testing/index.js';

const fake = modelartsFake({ seed: 9 });
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => fake.reset());
afterAll(() => server.close());

const base = {
  region: fake.region,
  endpoint: fake.endpoint,
  iamEndpoint: fake.iamEndpoint,
  retry: { baseDelayMs: 1 },
};
const operations = () => fake.requests.map((r) => r.operation);

describe('access keys (SDK-HMAC-SHA256)', () => {
  it('looks the project id up in IAM once, then signs every call with X-Project-Id', async () => {
    const cloud = modelarts({ ...base, credentials: FAKE_HUAWEI_CREDENTIALS });
    await cloud.experiments.list().toArray();
    await cloud.api.listSearchAlgorithms();
    expect(operations()).toEqual(['KeystoneListProjects', 'ListTrainingJobs', 'ShowSearchAlgorithms']);
  });

  it('reads HUAWEICLOUD_SDK_* from the environment when no credentials are given', async () => {
    const saved = { ...process.env };
    process.env.HUAWEICLOUD_SDK_AK = FAKE_HUAWEI_CREDENTIALS.accessKeyId;
    process.env.HUAWEICLOUD_SDK_SK = FAKE_HUAWEI_CREDENTIALS.secretAccessKey;
    process.env.HUAWEICLOUD_SDK_PROJECT_ID = fake.projectId;
    try {
      const algorithms = await modelarts(base).api.listSearchAlgorithms();
      expect(algorithms.search_algo_list?.map((a) => a.name)).toEqual([
        'bayes_opt_search',
        'tpe_search',
        'anneal_search',
      ]);
      expect(operations()).toEqual(['ShowSearchAlgorithms']);
    } finally {
      process.env = saved;
    }
  });

  it('is refused as the gateway refuses it, with no secret in the error or hook events', async () => {
    const events: AttemptEvent[] = [];
    const secret = 'a-wrong-secret-access-key';
    const cloud = modelarts({
      ...base,
      projectId: fake.projectId,
      credentials: { accessKeyId: FAKE_HUAWEI_CREDENTIALS.accessKeyId, secretAccessKey: secret },
      hooks: { onAttempt: (e) => events.push(e) },
    });
    const error = await cloud.experiments.get('x').catch((e: unknown) => e);
    expect(AuthenticationError.is(error)).toBe(true);
    expect((error as AuthenticationError).code).toBe('APIG.0301');
    expect(events).toHaveLength(1);
    const shown = `${String(error)} ${JSON.stringify(error)} ${JSON.stringify((error as Error).cause)} ${JSON.stringify(events)}`;
    expect(shown).not.toContain(secret);
  });
});

describe('IAM tokens', () => {
  it('gets a token with a password once, learns the project from it, and sends X-Auth-Token', async () => {
    const cloud = modelarts({ ...base, credentials: FAKE_HUAWEI_USER });
    await Promise.all([cloud.experiments.list().toArray(), cloud.api.listSearchAlgorithms()]);
    await cloud.api.listWorkspaces();
    expect(operations()).toEqual([
      'KeystoneCreateUserTokenByPassword',
      expect.any(String),
      expect.any(String),
      'ListWorkspace',
    ]);
    expect(fake.requests.slice(1).every((r) => r.headers['x-auth-token'] !== undefined)).toBe(true);
  });

  it('asks IAM again when a token it gave is refused (here: expired on the fake’s clock)', async () => {
    const cloud = modelarts({ ...base, credentials: FAKE_HUAWEI_USER });
    await cloud.api.listSearchAlgorithms();
    fake.clock.advance(25 * 60 * 60_000);
    await cloud.api.listSearchAlgorithms();
    expect(operations()).toEqual([
      'KeystoneCreateUserTokenByPassword',
      'ShowSearchAlgorithms',
      'ShowSearchAlgorithms',
      'KeystoneCreateUserTokenByPassword',
      'ShowSearchAlgorithms',
    ]);
  });

  it('sends a given token as is and reports its refusal as an AuthenticationError', async () => {
    const issued = fake.state.issueToken({});
    const good = modelarts({ ...base, projectId: fake.projectId, credentials: { token: issued.token } });
    await expect(good.api.listSearchAlgorithms()).resolves.toBeDefined();
    const bad = modelarts({
      ...base,
      projectId: fake.projectId,
      credentials: { token: 'not-a-token-at-all' },
    });
    const error = await bad.api.listSearchAlgorithms().catch((e: unknown) => e);
    expect(AuthenticationError.is(error)).toBe(true);
    expect(String(error)).not.toContain('not-a-token-at-all');
  });
});

describe('errors in the wire form', () => {
  const cloud = () => modelarts({ ...base, projectId: fake.projectId, credentials: FAKE_HUAWEI_CREDENTIALS });

  it('a missing job (HTTP 400 ModelArts.2775) is a NotFoundError with the request id', async () => {
    const error = await cloud()
      .experiments.get('00000000-0000-0000-0000-000000000000')
      .catch((e: unknown) => e);
    expect(NotFoundError.is(error)).toBe(true);
    expect(error).toMatchObject({ httpStatus: 400, code: 'ModelArts.2775' });
    // The fake's X-Request-Id header, as ModelArts sends it.
    expect((error as NotFoundError).requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gateway throttling (429 APIG.0308) is retried, then a ThrottlingError when it persists', async () => {
    fake.faults.inject({ kind: 'throttle', operation: 'ShowSearchAlgorithms', times: 2 });
    await expect(cloud().api.listSearchAlgorithms()).resolves.toBeDefined();
    expect(operations()).toEqual(['ShowSearchAlgorithms', 'ShowSearchAlgorithms', 'ShowSearchAlgorithms']);
    fake.faults.inject({ kind: 'throttle', operation: 'ShowSearchAlgorithms', times: 10 });
    const error = await cloud()
      .api.listSearchAlgorithms({ retry: { maxAttempts: 2 } })
      .catch((e: unknown) => e);
    expect(ThrottlingError.is(error)).toBe(true);
    expect((error as ThrottlingError).code).toBe('APIG.0308');
  });
});
