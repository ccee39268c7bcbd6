/**
 * The default transport under msw's setupServer, with no set-up of crosstune's own: msw's
 * ClientRequest interceptor answers crosstune's node:http handler — status, headers, body,
 * codings, network errors, abort and timeout alike — whenever msw started, before or after the
 * transport module loaded. A test that spies on `globalThis.fetch` passes a fetch to the client.
 */
import { gzipSync } from 'node:zlib';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AbortError, NetworkError, TimeoutError } from '../../src/core/errors.js';
import { parseJsonBody } from '../../src/core/http/decode.js';
import { execute, type OperationPlan } from '../../src/core/http/execute.js';
import { type FetchLike, type HttpRequest, send } from '../../src/core/http/transport.js';

const BASE = 'https://api.example.test';
const seen: Array<{ path: string; method: string; body: string; target: string | null }> = [];

const server = setupServer(
  http.all(`${BASE}/*`, async ({ request }) => {
    const url = new URL(request.url);
    seen.push({
      path: url.pathname,
      method: request.method,
      body: await request.text(),
      target: request.headers.get('x-amz-target'),
    });
    switch (url.pathname) {
      case '/ok':
        return HttpResponse.json({ ok: true }, { status: 202, headers: { 'x-request-id': 'rid-msw' } });
      case '/gzip':
        return new HttpResponse(gzipSync('{"coded":"gzip"}'), {
          headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' },
        });
      case '/error':
        return HttpResponse.error();
      case '/slow':
        await delay(2_000);
        return HttpResponse.json({ ok: true });
      default:
        return new HttpResponse('missing', { status: 404 });
    }
  }),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const post = (path: string): HttpRequest => ({
  method: 'POST',
  url: `${BASE}${path}`,
  headers: { 'content-type': 'application/json', 'x-amz-target': 'SageMaker.Op' },
  body: '{"q":1}',
});

describe('the default transport under msw', () => {
  it('status, headers, body and the request as msw received it', async () => {
    const answer = await send(post('/ok'), {}, AbortSignal.timeout(5_000));
    expect(answer.status).toBe(202);
    expect(answer.headers.get('x-request-id')).toBe('rid-msw');
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({ ok: true });
    expect(seen).toEqual([{ path: '/ok', method: 'POST', body: '{"q":1}', target: 'SageMaker.Op' }]);
  });

  it('decodes a gzip answer', async () => {
    const answer = await send(post('/gzip'), {}, AbortSignal.timeout(5_000));
    expect(JSON.parse(answer.body)).toEqual({ coded: 'gzip' });
  });

  it('reaches msw from a transport module loaded after msw started, and never calls globalThis.fetch', async () => {
    vi.resetModules();
    const late = await import('../../src/core/http/transport.js');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const answer = await late.send(post('/ok'), {}, AbortSignal.timeout(5_000));
    expect(answer.status).toBe(202);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('a spy on globalThis.fetch sees the requests once passed as the fetch option', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    // Looked up on every call, so a spy or stub installed later applies too.
    const viaGlobal: FetchLike = (url, init) => globalThis.fetch(url, init);
    const answer = await send(post('/ok'), { fetch: viaGlobal }, AbortSignal.timeout(5_000));
    expect(answer.status).toBe(202);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0]?.[0]).toBe(`${BASE}/ok`);
    fetchSpy.mockRestore();
  });
});

describe('failures under msw, through execute', () => {
  const plan = (path: string): OperationPlan<unknown> => ({
    operation: 'Op',
    idempotent: true,
    request: async () => post(path),
    decode: (response, details) => parseJsonBody(response, details),
  });
  const ctx = {
    provider: 'sagemaker' as const,
    transport: {},
    retry: false as const,
    errors: { requestIdHeaders: [], read: () => ({}), codes: {} },
  };

  it('msw’s network error → NetworkError; timeout → TimeoutError; abort → AbortError', async () => {
    await expect(execute(ctx, plan('/error'))).rejects.toSatisfy((e) => NetworkError.is(e));
    const started = performance.now();
    await expect(execute(ctx, plan('/slow'), { timeoutMs: 50 })).rejects.toSatisfy((e) => TimeoutError.is(e));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(execute(ctx, plan('/slow'), { signal: controller.signal })).rejects.toSatisfy((e) =>
      AbortError.is(e),
    );
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
