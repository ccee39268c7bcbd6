/**
 * The default transport under msw's setupServer: msw replaces globalThis.fetch, so the default
 * path goes through fetch and msw answers; and were node:http used anyway (a module loaded with
 * msw already listening, or a direct call), msw's ClientRequest interceptor answers it too —
 * status, headers, body, codings, network errors, abort and timeout alike.
 */
import { gzipSync } from 'node:zlib';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AbortError, NetworkError, TimeoutError } from '../../src/core/errors.js';
import { parseJsonBody } from '../../src/core/http/decode.js';
import { execute, type OperationPlan } from '../../src/core/http/execute.js';
import { sendNodeHttp } from '../../src/core/http/node-transport.js';
import { defaultIsNodeHttp, type HttpRequest, send } from '../../src/core/http/transport.js';

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

describe('default transport with msw listening', () => {
  it('sees msw’s fetch, not Node’s, and lets msw answer through it', async () => {
    expect(defaultIsNodeHttp()).toBe(false);
    const answer = await send(post('/ok'), {}, AbortSignal.timeout(5_000));
    expect(answer.status).toBe(202);
    expect(answer.headers.get('X-Request-Id')).toBe('rid-msw');
    expect(JSON.parse(answer.body)).toEqual({ ok: true });
    expect(seen).toEqual([{ path: '/ok', method: 'POST', body: '{"q":1}', target: 'SageMaker.Op' }]);
  });

  it('a transport module loaded after msw patched fetch keeps the fetch path, even once msw stops', async () => {
    vi.resetModules();
    const late = await import('../../src/core/http/transport.js');
    expect(late.defaultIsNodeHttp()).toBe(false);
    server.close();
    try {
      // Node's fetch is back, but it is not the one this module saw at load: still fetch.
      expect(late.defaultIsNodeHttp()).toBe(false);
    } finally {
      server.listen({ onUnhandledFrame: 'error' });
    }
  });
});

describe('node:http under msw’s ClientRequest interceptor', () => {
  it('status, headers, body and the request as msw received it', async () => {
    const answer = await sendNodeHttp(post('/ok'), AbortSignal.timeout(5_000));
    expect(answer.status).toBe(202);
    expect(answer.headers.get('x-request-id')).toBe('rid-msw');
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({ ok: true });
    expect(seen).toEqual([{ path: '/ok', method: 'POST', body: '{"q":1}', target: 'SageMaker.Op' }]);
  });

  it('decodes a gzip answer', async () => {
    const answer = await sendNodeHttp(post('/gzip'), AbortSignal.timeout(5_000));
    expect(JSON.parse(answer.body)).toEqual({ coded: 'gzip' });
  });

  const plan = (path: string): OperationPlan<unknown> => ({
    operation: 'Op',
    idempotent: true,
    request: async () => post(path),
    send: (request, signal) => sendNodeHttp(request, signal),
    errorOf: () => undefined,
    decode: (response, details) => parseJsonBody(response, details),
  });
  const ctx = { provider: 'sagemaker' as const, transport: {}, retry: false as const, requestIdHeaders: [] };

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
