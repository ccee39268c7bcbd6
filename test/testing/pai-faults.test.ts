import { describe, expect, it } from 'vitest';
import { callPai, EXPERIMENTS, experimentPath } from './helpers/pai-call.js';
import { experimentRequest } from './helpers/pai-fixtures.js';
import { usePaiFake } from './helpers/pai-msw.js';
import { callApi, paiClient, type SdkError } from './helpers/pai-openapi.js';

const fake = usePaiFake();
const list = (options?: Parameters<typeof callPai>[2]) => callPai('GET', EXPERIMENTS, options);
const create = () =>
  callPai('POST', '/api/automl/v1/hpo/experiment', { body: experimentRequest({ name: 'job' }) });

describe('fault injection', () => {
  it('throttles with Throttling.User on HTTP 400 (or the given status), only for the named action, `times` times', async () => {
    fake.faults.inject({ kind: 'throttle', operation: 'ListHpoExperiments', times: 2 });
    expect((await callPai('GET', '/api/automl/v1/serviceidentityrole')).status).toBe(200);
    const first = await list();
    expect(first.status).toBe(400);
    expect(first.json).toEqual({
      RequestId: first.headers.get('x-acs-request-id'),
      HostId: 'paiautoml.cn-hangzhou.aliyuncs.com',
      Code: 'Throttling.User',
      Message: 'Request was denied due to user flow control.',
      Recommend: expect.stringContaining('q=Throttling.User'),
    });
    expect((await list()).status).toBe(400);
    expect((await list()).status).toBe(200);
    expect(fake.requests.filter((r) => r.operation === 'ListHpoExperiments').map((r) => r.status)).toEqual([
      400, 400, 200,
    ]);

    fake.faults.inject({ kind: 'throttle', status: 429 });
    const tooMany = await list();
    expect([tooMany.status, tooMany.json.Code]).toEqual([429, 'Throttling.User']);
  });

  it('surfaces a throttle through the official runtime as a plain error with the code (0.4.x has no ThrottlingError)', async () => {
    fake.faults.inject({ kind: 'throttle' });
    const error = (await callApi(paiClient(), 'ListHpoExperiments', 'GET', EXPERIMENTS).catch(
      (e: unknown) => e,
    )) as SdkError;
    expect([error.code, error.statusCode]).toEqual(['Throttling.User', 400]);
  });

  it('answers server errors as InternalError 500 or ServiceUnavailable 503', async () => {
    fake.faults.inject({ kind: 'server-error' });
    fake.faults.inject({ kind: 'server-error', status: 503 });
    const internal = await list();
    expect([internal.status, internal.json.Code]).toEqual([500, 'InternalError']);
    const unavailable = await list();
    expect([unavailable.status, unavailable.json.Code]).toEqual([503, 'ServiceUnavailable']);
  });

  it('resets the connection: the client sees a network error and nothing is created', async () => {
    fake.faults.inject({ kind: 'reset', operation: 'CreateHpoExperiment' });
    await expect(create()).rejects.toThrow(TypeError);
    expect(fake.state.experiments()).toEqual([]);
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

  it('truncates the body after the work is done, so a retried create makes a second experiment', async () => {
    fake.faults.inject({ kind: 'truncated', operation: 'CreateHpoExperiment' });
    await expect(create()).rejects.toThrow(SyntaxError);
    expect(fake.state.experiments().map((e) => e.name)).toEqual(['job']);
    // PAI has no idempotency token: names need not be unique, so the retry is a duplicate.
    expect((await create()).status).toBe(200);
    expect(fake.state.experiments().map((e) => e.name)).toEqual(['job', 'job']);
  });

  it('answers an HTML 502 page from a gateway, without a request id', async () => {
    fake.faults.inject({ kind: 'non-json', operation: 'GetHpoExperiment' });
    const response = await fetch(`https://paiautoml.cn-hangzhou.aliyuncs.com${experimentPath('abcdefg')}`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('x-acs-request-id')).toBeNull();
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>');
  });
});

describe('request log', () => {
  it('records action, method, URL and body with the signature, the token and AccessKeys in the body redacted', async () => {
    await create();
    const [entry] = fake.requests;
    expect(entry).toMatchObject({
      seq: 1,
      operation: 'CreateHpoExperiment',
      method: 'POST',
      url: 'https://paiautoml.cn-hangzhou.aliyuncs.com/api/automl/v1/hpo/experiment',
      status: 200,
    });
    expect(entry?.headers.authorization).toMatch(
      /^ACS3-HMAC-SHA256 Credential=CROSSTUNE-FAKE-ACCESS-KEY-ID,SignedHeaders=[a-z0-9;-]+,Signature=\[redacted\]$/,
    );
    expect(entry?.body).toMatchObject({
      HpoExperimentConfiguration: {
        dlc_config: { access_id: '******', access_key: '******', region: 'cn-hangzhou' },
      },
    });
    expect(JSON.stringify(fake.requests)).not.toContain('not-a-real-access-key');
  });

  it('names the operation from the route even when the request is refused', async () => {
    await list({ unsigned: true });
    expect(fake.requests[0]).toMatchObject({ operation: 'ListHpoExperiments', status: 400 });
  });

  it('draws request ids from the seed, so a reset fake repeats them', async () => {
    const before = [(await list()).json.RequestId, (await list()).json.RequestId];
    fake.reset();
    const after = [(await list()).json.RequestId, (await list()).json.RequestId];
    expect(before[0]).not.toBe(before[1]);
    expect(after).toEqual(before);
  });
});
