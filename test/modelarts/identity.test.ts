/** Both ways ModelArts authenticates, the project id lookup, error mapping and secrecy, against the fake. */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AttemptEvent, AuthenticationError, NotFoundError, ThrottlingError } from '../../src/index.js';
import { modelarts } from '../../src/providers/modelarts/index.js';
import { FAKE_HUAWEI_CREDENTIALS, FAKE_HUAWEI_USER, modelartsFake } from '../../src/testing/index.js';
import { runningTrial } from './helpers/env.js';

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

describe('shared IAM requests', () => {
  it('renews an expired token once for many calls refused together', async () => {
    const cloud = modelarts({ ...base, credentials: FAKE_HUAWEI_USER });
    await cloud.api.listSearchAlgorithms();
    fake.clock.advance(25 * 60 * 60_000);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => cloud.api.listSearchAlgorithms()),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(operations().filter((o) => o === 'KeystoneCreateUserTokenByPassword')).toHaveLength(2);
  });

  it('one caller’s abort does not fail the others waiting on the same token request', async () => {
    fake.faults.inject({ kind: 'delay', operation: 'KeystoneCreateUserTokenByPassword', delayMs: 100 });
    const cloud = modelarts({ ...base, credentials: FAKE_HUAWEI_USER });
    const abort = new AbortController();
    const first = cloud.api.listSearchAlgorithms({ signal: abort.signal });
    const second = cloud.api.listSearchAlgorithms();
    setTimeout(() => abort.abort(), 20);
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    await expect(second).resolves.toBeDefined();
  });
});

describe('what is sent is what was signed', () => {
  it('encodes a query with spaces, +, *, ~, quotes and non-ASCII as the canonical form', async () => {
    const cloud = modelarts({ ...base, projectId: fake.projectId, credentials: FAKE_HUAWEI_CREDENTIALS });
    await cloud.api.listWorkspaces({ name: "my ws+x*~'é" });
    const sent = new URL(fake.requests.at(-1)?.url ?? '');
    // RFC 3986 by hand: space %20 (not +), + %2B, * %2A, ~ kept, ' %27, é as UTF-8 bytes.
    expect(sent.search).toBe('?name=my%20ws%2Bx%2A~%27%C3%A9');
  });

  it('refuses empty and dot-segment ids and malformed credentials before sending anything', async () => {
    const cloud = modelarts({ ...base, projectId: fake.projectId, credentials: FAKE_HUAWEI_CREDENTIALS });
    for (const id of ['', '.', '..']) {
      await expect(cloud.experiments.get(id)).rejects.toMatchObject({ name: 'InvalidArgumentError' });
    }
    const noSecret = modelarts({
      ...base,
      projectId: fake.projectId,
      credentials: { accessKeyId: 'AK', secretAccessKey: '' },
    });
    await expect(noSecret.api.listSearchAlgorithms()).rejects.toThrow(
      /credentials.secretAccessKey must be a non-empty string/,
    );
    expect(fake.requests).toHaveLength(0);
  });
});

describe('writes whose answer was lost', () => {
  const cloud = () => modelarts({ ...base, projectId: fake.projectId, credentials: FAKE_HUAWEI_CREDENTIALS });

  it('a terminate served but cut short is found terminated, not refused as a conflict', async () => {
    const job = fake.state.seedJob({ name: 'to-stop' });
    fake.clock.advance(10 * 60_000);
    fake.faults.inject({ kind: 'truncated', operation: 'StopTrainingJob' });
    await expect(cloud().experiments.stop(job.id)).resolves.toBeUndefined();
    expect(operations()).toEqual(['StopTrainingJob', 'ShowTrainingJobDetails']);
  });

  it('an early stop served but cut short is found ended, not sent again', async () => {
    const job = fake.state.seedJob({ name: 'to-early-stop' });
    const running = runningTrial(fake, job.id);
    fake.faults.inject({ kind: 'truncated', operation: 'ShowAutoSearchTrialEarlyStop' });
    await expect(cloud().trials.stop(job.id, running)).resolves.toBeUndefined();
    expect(operations().filter((o) => o === 'ShowAutoSearchTrialEarlyStop')).toHaveLength(1);
  });
});

describe('secrets echoed back by a cloud', () => {
  it('never reach an error, its cause or a hook event', async () => {
    const issued = fake.state.issueToken({});
    const events: AttemptEvent[] = [];
    // A gateway that quotes the request's credentials in its error message.
    const echo: typeof fetch = async (_input, init) => {
      const headers = new Headers(init?.headers);
      const said = `bad auth ${headers.get('authorization')} token ${headers.get('x-auth-token')}`;
      return Response.json({ error_code: 'ModelArts.0104', error_msg: said }, { status: 400 });
    };
    for (const credentials of [FAKE_HUAWEI_CREDENTIALS, { token: issued.token }]) {
      const cloud = modelarts({
        ...base,
        projectId: fake.projectId,
        credentials,
        fetch: echo,
        hooks: { onAttempt: (e) => events.push(e) },
      });
      const error = await cloud.api.listSearchAlgorithms().catch((e: unknown) => e);
      const shown = `${String(error)} ${JSON.stringify(error)} ${JSON.stringify((error as Error).cause)} ${JSON.stringify(events)}`;
      expect(shown).toContain('bad auth');
      expect(shown).not.toContain(issued.token);
      expect(shown).not.toMatch(/Signature=[0-9a-f]{16}/);
      expect(shown).not.toContain(FAKE_HUAWEI_CREDENTIALS.secretAccessKey);
    }
  });
});
