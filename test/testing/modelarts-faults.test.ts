import { describe, expect, it } from 'vitest';
import { callModelArts, type ErrorBody, jobsPath, searchPath } from './helpers/modelarts-call.js';
import { jobRequest } from './helpers/modelarts-fixtures.js';
import { useModelArtsFake } from './helpers/modelarts-msw.js';

const fake = useModelArtsFake();
const list = (options: Parameters<typeof callModelArts>[3] = {}) =>
  callModelArts<ErrorBody>(fake, 'POST', searchPath(fake), { body: {}, ...options });
const create = () =>
  callModelArts<ErrorBody>(fake, 'POST', jobsPath(fake), { body: jobRequest({ name: 'job' }) });

describe('fault injection', () => {
  it('throttles with API Gateway’s APIG.0308 on HTTP 429, only for the named operation, `times` times', async () => {
    fake.faults.inject({ kind: 'throttle', operation: 'ListTrainingJobs', times: 2 });
    expect((await callModelArts(fake, 'GET', `/v2/${fake.projectId}/search-algorithms`)).status).toBe(200);
    const first = await list();
    expect(first.status).toBe(429);
    expect(first.json).toEqual({
      error_code: 'APIG.0308',
      error_msg:
        'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute',
      request_id: first.headers.get('x-request-id'),
    });
    expect((await list()).status).toBe(429);
    expect((await list()).status).toBe(200);
    expect(fake.requests.filter((r) => r.operation === 'ListTrainingJobs').map((r) => r.status)).toEqual([
      429, 429, 200,
    ]);
    fake.faults.inject({ kind: 'throttle', status: 403 });
    const other = await list();
    expect([other.status, other.json.error_code]).toEqual([403, 'APIG.0308']);
  });

  it('answers server errors as ModelArts.0010 (500) or the gateway’s APIG.0201 (502, 503, 504)', async () => {
    for (const status of [undefined, 502, 503, 504])
      fake.faults.inject({ kind: 'server-error', ...(status ? { status } : {}) });
    const internal = await list();
    expect([internal.status, internal.json]).toEqual([
      500,
      {
        error_code: 'ModelArts.0010',
        error_msg: 'Internal error.',
        error_solution: 'Contact R&D and O&M personnel.',
      },
    ]);
    const answers = [await list(), await list(), await list()].map((a) => [
      a.status,
      a.json.error_code,
      a.json.error_msg,
    ]);
    expect(answers).toEqual([
      [502, 'APIG.0201', 'Backend unavailable.'],
      [503, 'APIG.0201', 'Backend unavailable.'],
      [504, 'APIG.0201', 'Backend timeout.'],
    ]);
  });

  it('takes a fault before authentication: a badly signed request is throttled all the same', async () => {
    fake.faults.inject({ kind: 'throttle' });
    expect((await list({ secret: 'wrong' })).status).toBe(429);
    expect((await list({ secret: 'wrong' })).status).toBe(401);
  });

  it('resets the connection: the client sees a network error and nothing is created', async () => {
    fake.faults.inject({ kind: 'reset', operation: 'CreateTrainingJob' });
    await expect(create()).rejects.toThrow(TypeError);
    expect(fake.state.jobs()).toEqual([]);
    expect(fake.requests.at(-1)?.status).toBe(0);
  });

  it('delays the answer by real time, long enough to trip a client timeout', async () => {
    fake.faults.inject({ kind: 'delay', delayMs: 400 });
    await expect(list({ signal: AbortSignal.timeout(50) })).rejects.toThrow(/timeout|abort/i);
    fake.faults.inject({ kind: 'delay', delayMs: 150 });
    const started = performance.now();
    const slow = await list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(slow.status).toBe(200);
  });

  it('cuts the body short after the work is done, so a retried create meets its own duplicate', async () => {
    fake.faults.inject({ kind: 'truncated', operation: 'CreateTrainingJob' });
    await expect(create()).rejects.toThrow(SyntaxError);
    expect(fake.state.jobs().map((j) => j.name)).toEqual(['job']);
    const retried = await create();
    expect([retried.status, retried.json.error_code]).toEqual([400, 'ModelArts.2751']);
  });

  it('answers an HTML 502 page from a proxy, without a request id', async () => {
    fake.faults.inject({ kind: 'non-json', operation: 'ShowTrainingJobDetails' });
    const id = fake.state.seedJob().id;
    const response = await fetch(`${fake.endpoint}${jobsPath(fake, id)}`);
    expect(response.status).toBe(502);
    expect(response.headers.get('x-request-id')).toBeNull();
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('injects into IAM too, under its SDK operation name', async () => {
    fake.faults.inject({ kind: 'throttle', operation: 'KeystoneCreateUserTokenByPassword' });
    const answer = await callModelArts(fake, 'POST', '/v3/auth/tokens', {
      origin: fake.iamEndpoint,
      auth: 'none',
      body: {},
    });
    expect([answer.status, answer.json.error_code]).toEqual([429, 'APIG.0308']);
  });
});
