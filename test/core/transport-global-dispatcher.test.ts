/**
 * A process that routes Node's global fetch through its own undici dispatcher (here a MockAgent
 * installed with undici's setGlobalDispatcher; a ProxyAgent or NODE_USE_ENV_PROXY work the same
 * way) keeps getting its requests through that dispatcher: the default transport stays on fetch.
 * A file of its own, because the global dispatcher cannot be taken back once set.
 */
import { Agent, getGlobalDispatcher, MockAgent, setGlobalDispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIsNodeHttp, send } from '../../src/core/http/transport.js';

const ORIGIN = 'https://api.sagemaker.us-east-1.amazonaws.com';
const before = getGlobalDispatcher();
const mock = new MockAgent();
beforeAll(() => {
  mock.disableNetConnect();
  setGlobalDispatcher(mock);
});
afterAll(async () => {
  setGlobalDispatcher(before);
  await mock.close();
});

describe('a global undici dispatcher set by the application', () => {
  it('is only a plain Agent after importing undici, which keeps node:http', () => {
    setGlobalDispatcher(before);
    expect(before.constructor.name).toBe('Agent');
    expect(defaultIsNodeHttp()).toBe(true);
    setGlobalDispatcher(mock);
  });

  it('keeps fetch for an Agent set up on purpose: a custom CA, other options, interceptors', () => {
    const plain = new Agent();
    for (const agent of [
      new Agent({ connect: { ca: 'a corporate CA' } }),
      new Agent({ connections: 4 }),
      plain.compose((dispatch) => dispatch),
    ]) {
      setGlobalDispatcher(agent);
      expect(defaultIsNodeHttp()).toBe(false);
    }
    setGlobalDispatcher(plain);
    expect(defaultIsNodeHttp()).toBe(true);
    setGlobalDispatcher(mock);
  });

  it('keeps the default transport on fetch, so a MockAgent answers', async () => {
    expect(defaultIsNodeHttp()).toBe(false);
    mock
      .get(ORIGIN)
      .intercept({ path: '/', method: 'POST' })
      .reply(200, { TrainingJobSummaries: [] }, { headers: { 'x-amzn-requestid': 'mocked' } });
    const answer = await send(
      {
        method: 'POST',
        url: `${ORIGIN}/`,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: '{}',
      },
      {},
      AbortSignal.timeout(5_000),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-amzn-requestid')).toBe('mocked');
    expect(JSON.parse(answer.body)).toEqual({ TrainingJobSummaries: [] });
    mock.assertNoPendingInterceptors();
  });
});
