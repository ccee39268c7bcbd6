/**
 * PAI on crosstune's transport, like every cloud: the shared retry policy, per-attempt time
 * limits, AbortSignal, hooks, Retry-After, credentials.
 */
import { delay, HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortError, type AttemptEvent, AuthenticationError, TimeoutError } from '../../src/index.js';
import { BASE, client, FAST_RETRY, failure, on, recordAttempts, usePaiServer } from './helpers/env.js';

const env = usePaiServer();

const EXPERIMENT = { ExperimentId: 'e1', Name: 'n', Status: 'RUNNING' };

/** Answers with each response in turn, then with the last one. */
function sequence(...responses: (() => Response | Promise<Response>)[]) {
  let i = 0;
  return http.get(`${BASE}/hpo/experiment/e1`, () => {
    const next = responses[Math.min(i++, responses.length - 1)] as () => Response | Promise<Response>;
    return next();
  });
}

const json = (body: Record<string, unknown>, init?: ResponseInit) => () => HttpResponse.json(body, init);

function expectRetryDelays(events: AttemptEvent[]) {
  for (const event of events.slice(0, -1)) {
    expect(event.retryDelayMs).toBeGreaterThanOrEqual(0);
    expect(event.retryDelayMs).toBeLessThanOrEqual(FAST_RETRY.maxDelayMs);
  }
  expect(events.at(-1)?.retryDelayMs).toBeUndefined();
}

describe('retries by the shared policy', () => {
  it('retries 5xx, throttling and a network failure until it succeeds, one hook event per attempt', async () => {
    env.server.use(
      sequence(
        json({ Code: 'ServiceUnavailable', Message: 'busy', RequestId: 'R1' }, { status: 503 }),
        json({ Code: 'Throttling.User', Message: 'slow down', RequestId: 'R2' }, { status: 400 }),
        () => HttpResponse.error(),
        json(EXPERIMENT, { headers: { 'x-acs-request-id': 'R4' } }),
      ),
    );
    const { events, hooks } = recordAttempts();
    expect((await client({ hooks }).experiments.get('e1')).id).toBe('e1');
    expect((await env.settled()).length).toBe(4);
    expect(events.map((e) => [e.attempt, e.httpStatus, e.requestId, e.errorClass, e.errorCode])).toEqual([
      [1, 503, 'R1', 'ServiceError', 'ServiceUnavailable'],
      [2, 400, 'R2', 'ThrottlingError', 'Throttling.User'],
      [3, undefined, undefined, 'NetworkError', undefined],
      [4, 200, 'R4', undefined, undefined],
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ provider: 'pai', operation: 'GetHpoExperiment' });
      expect(event.durationMs).toBeGreaterThanOrEqual(0);
    }
    expectRetryDelays(events);
  });

  it('gives up after maxAttempts, and never retries what is not retryable', async () => {
    env.server.use(sequence(json({ Code: 'InternalError', Message: 'x' }, { status: 500 })));
    const { events, hooks } = recordAttempts();
    const error = await failure(
      client({ hooks, retry: { ...FAST_RETRY, maxAttempts: 3 } }).experiments.get('e1'),
    );
    expect(error).toMatchObject({ name: 'ServiceError', httpStatus: 500 });
    expect(events.map((e) => e.attempt)).toEqual([1, 2, 3]);

    env.server.resetHandlers(sequence(json({ Code: 'INVALID_USER_OR_EXP', Message: 'x' }, { status: 404 })));
    await failure(client().experiments.get('e1'));
    expect((await env.settled()).length).toBe(4);
  });

  it('waits at least what Retry-After (or x-acs-retry-after, in ms) asks, the headers of error answers being kept', async () => {
    env.server.use(
      sequence(
        json(
          { Code: 'Throttling.User', Message: 'slow down' },
          { status: 400, headers: { 'retry-after': '0.2' } },
        ),
        json(
          { Code: 'Throttling.Api', Message: 'slow down' },
          { status: 429, headers: { 'x-acs-retry-after': '150' } },
        ),
        json(EXPERIMENT),
      ),
    );
    const { events, hooks } = recordAttempts();
    expect((await client({ hooks }).experiments.get('e1')).id).toBe('e1');
    expect(events[0]?.retryDelayMs).toBeGreaterThanOrEqual(200);
    expect(events[1]?.retryDelayMs).toBeGreaterThanOrEqual(150);
  });

  it('takes retry options per client and per call', async () => {
    env.server.use(sequence(json({ Code: 'ServiceUnavailable' }, { status: 503 })));
    await failure(client({ retry: false }).experiments.get('e1'));
    await failure(client().experiments.get('e1', { retry: false }));
    expect((await env.settled()).length).toBe(2);
    await failure(client({ retry: false }).experiments.get('e1', { retry: { maxAttempts: 3 } }));
    expect((await env.settled()).length).toBe(3);
    await failure(client().experiments.get('e1', { retry: { maxAttempts: 2 } }));
    expect((await env.settled()).length).toBe(5);
  });
});

describe('time limits', () => {
  it('ends a slow attempt at timeoutMs with a retryable TimeoutError (not at the runtime 3 s default)', async () => {
    env.server.use(
      http.get(`${BASE}/hpo/experiment/e1`, async () => {
        await delay(1000);
        return HttpResponse.json(EXPERIMENT);
      }),
    );
    const started = performance.now();
    const error = await failure(client({ timeoutMs: 100, retry: false }).experiments.get('e1'));
    expect(TimeoutError.is(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true, operation: 'GetHpoExperiment' });
    expect(performance.now() - started).toBeLessThan(900);
  });

  it('lets an answer slower than 3 s through when the limit allows it', async () => {
    env.server.use(
      http.get(`${BASE}/hpo/experiment/e1`, async () => {
        await delay(3200);
        return HttpResponse.json(EXPERIMENT);
      }),
    );
    expect((await client().experiments.get('e1')).id).toBe('e1');
  });

  it('retries a timed-out attempt and succeeds on a fast one', async () => {
    env.server.use(
      sequence(async () => {
        await delay(1000);
        return HttpResponse.json(EXPERIMENT);
      }, json(EXPERIMENT)),
    );
    const { events, hooks } = recordAttempts();
    expect((await client({ hooks }).experiments.get('e1', { timeoutMs: 80 })).id).toBe('e1');
    expect(events.map((e) => e.errorClass)).toEqual(['TimeoutError', undefined]);
  });
});

describe('AbortSignal', () => {
  it('aborts an attempt in flight', async () => {
    env.server.use(
      http.get(`${BASE}/hpo/experiment/e1`, async () => {
        await delay(2000);
        return HttpResponse.json(EXPERIMENT);
      }),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left')), 50);
    const started = performance.now();
    const error = await failure(client().experiments.get('e1', { signal: controller.signal }));
    expect(AbortError.is(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('sends nothing when already aborted, and cuts a backoff wait short', async () => {
    const error = await failure(client().experiments.get('e1', { signal: AbortSignal.abort() }));
    expect(AbortError.is(error)).toBe(true);
    expect(env.requests).toHaveLength(0);

    env.server.use(sequence(json({ Code: 'ServiceUnavailable' }, { status: 503 })));
    const controller = new AbortController();
    const slow = client({
      retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 },
      hooks: { onAttempt: () => controller.abort() },
    });
    const started = performance.now();
    expect(AbortError.is(await failure(slow.experiments.get('e1', { signal: controller.signal })))).toBe(
      true,
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops a listing, its prefetched pages included', async () => {
    let served = 0;
    env.server.use(
      http.get(`${BASE}/hpo/experiments`, async ({ request }) => {
        served++;
        const page = new URL(request.url).searchParams.get('PageNumber');
        await delay(30);
        return HttpResponse.json({
          TotalCount: 100,
          Experiments: Array.from({ length: 10 }, (_, i) => ({ ExperimentId: `x${page}-${i}` })),
        });
      }),
    );
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const experiment of client().experiments.list(
          { pageSize: 10 },
          { signal: controller.signal },
        )) {
          seen.push(experiment.id);
          if (seen.length === 15) controller.abort();
        }
      })(),
    );
    expect(AbortError.is(error)).toBe(true);
    expect(seen.length).toBeLessThanOrEqual(20);
    expect(served).toBeLessThan(10);
    await delay(100);
  });
});

describe('credentials', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('uses the default chain of @alicloud/credentials when none are given', async () => {
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', 'LTAI-from-environment');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'secret-from-environment-123');
    env.server.use(on('get', '/serviceidentityrole', { RoleName: 'r' }));
    const cloud = client({ credentials: undefined });
    await cloud.api.getServiceIdentityRole();
    const [sent] = await env.settled();
    expect(sent?.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI-from-environment,/);
    expect(sent?.headers['x-acs-credentials-provider']).toBe('default/env');
  });

  it('without any credentials fails with an AuthenticationError, sending nothing', async () => {
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', '');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', '');
    vi.stubEnv('ALIBABA_CLOUD_CLI_PROFILE_DISABLED', 'true');
    vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'true');
    vi.stubEnv('ALIBABA_CLOUD_CREDENTIALS_FILE', '/nonexistent/crosstune/credentials.ini');
    vi.stubEnv('ALIBABA_CLOUD_CREDENTIALS_URI', '');
    vi.stubEnv('ALIBABA_CLOUD_ROLE_ARN', '');
    // The chain's credentials-URI provider asks https://undefined/ even when no URI is set.
    env.server.use(http.get('https://undefined/', () => HttpResponse.error()));
    const { events, hooks } = recordAttempts();
    const error = await failure(client({ credentials: undefined, hooks }).api.getServiceIdentityRole());
    expect(AuthenticationError.is(error)).toBe(true);
    expect(error.message).toMatch(/^No Alibaba Cloud credentials: /);
    expect((await env.settled()).filter((r) => r.url.host.startsWith('paiautoml'))).toHaveLength(0);
    // Adapted (issue 9): hook events report only attempts that were sent; nothing was.
    expect(events).toHaveLength(0);
  });

  it('refuses credentials without a secret before sending', async () => {
    const error = await failure(
      client({
        credentials: async () => ({ accessKeyId: 'AK', accessKeySecret: '' }),
      }).api.getServiceIdentityRole(),
    );
    expect(AuthenticationError.is(error)).toBe(true);
    expect(env.requests).toHaveLength(0);
  });
});
