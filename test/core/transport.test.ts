/**
 * The transport over real sockets (no msw in this file; transport-msw.test.ts covers interception):
 * crosstune's own node:http handler by default — Node's global keep-alive agent, the codings it
 * asks for, no redirect followed, a size cap, an abort that closes the socket — and the same
 * failures, classified the same way through execute, on all three paths: node:http, an injected
 * fetch, undici's fetch with a dispatcher.
 */
import { getEventListeners } from 'node:events';
import type * as NodeHttp from 'node:http';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  type CrosstuneError,
  InvalidArgumentError,
  NetworkError,
  ResponseFormatError,
  ServiceError,
  TimeoutError,
} from '../../src/core/errors.js';
import { parseJsonBody } from '../../src/core/http/decode.js';
import { execute, type OperationPlan } from '../../src/core/http/execute.js';
import { ACCEPT_ENCODING } from '../../src/core/http/node-transport.js';
import {
  type FetchLike,
  type HttpRequest,
  send,
  type TransportOptions,
} from '../../src/core/http/transport.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  remotePort: number | undefined;
}

type Route = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

/** A loopback server answering by path; it records what it received and when sockets close. */
async function loopback(routes: Record<string, Route>) {
  const seen: Seen[] = [];
  const closed: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        remotePort: req.socket.remotePort,
      };
      seen.push(entry);
      const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
      if (route) route(req, res, entry);
      else res.writeHead(404).end('no route');
    });
  });
  server.on('connection', (socket: Socket) => {
    const port = socket.remotePort ?? 0;
    socket.on('close', () => closed.push(port));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const nodeFetch = globalThis.fetch as FetchLike;
/** The module object the handler reads `request` from on every call. */
const http = process.getBuiltinModule('node:http') as typeof NodeHttp;
let dispatcher: Agent;
const PATHS: Record<string, () => TransportOptions> = {
  'node:http': () => ({}),
  fetch: () => ({ fetch: nodeFetch }),
  dispatcher: () => ({ dispatcher }),
};
const ALL = Object.keys(PATHS);

const json = JSON.stringify({ coded: true, pad: 'x'.repeat(4000) });
let server: Awaited<ReturnType<typeof loopback>>;
beforeAll(async () => {
  dispatcher = new Agent();
  server = await loopback({
    '/echo': (_req, res, seen) =>
      res
        .writeHead(201, [
          ['Content-Type', 'application/json'],
          ['X-Multi', 'a'],
          ['X-Multi', 'b'],
          ['X-Request-Id', 'rid-1'],
        ])
        .end(
          JSON.stringify({ method: seen.method, body: seen.body, length: seen.headers['content-length'] }),
        ),
    '/split-utf8': (_req, res) => {
      // "é" (c3 a9) and "€" (e2 82 ac) each cut across two writes, after a byte-order mark.
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"word":"café €"}')]);
      res.writeHead(200, { 'content-type': 'application/json' });
      const cut = bytes.indexOf(0xa9);
      res.write(bytes.subarray(0, cut));
      setTimeout(() => {
        const euro = bytes.indexOf(0x82);
        res.write(bytes.subarray(cut, euro));
        setTimeout(() => res.end(bytes.subarray(euro)), 5);
      }, 5);
    },
    '/gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(json)),
    '/deflate': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(json)),
    '/br': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(json)),
    '/identity': (_req, res) => res.writeHead(200, { 'content-encoding': 'identity' }).end(json),
    '/zz': (_req, res) => res.writeHead(200, { 'content-encoding': 'zz' }).end(json),
    '/gzip-broken': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('not gzip at all')),
    '/no-content': (_req, res) => res.writeHead(204).end(),
    '/no-content-gzip': (_req, res) => res.writeHead(204, { 'content-encoding': 'gzip' }).end(),
    '/r302': (_req, res) => res.writeHead(302, { location: '/echo' }).end('{"moved":true}'),
    '/big': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(json),
    '/big-gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(json)),
    '/big-stream': (_req, res) => {
      // An answer that never ends: the cap, not the end, must stop the read.
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write('x'.repeat(16_384)), 1);
      res.on('close', () => clearInterval(timer));
    },
    '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
    '/slow': (_req, res) => {
      const timer = setTimeout(() => res.end('{"ok":true}'), 2_000);
      res.on('close', () => clearTimeout(timer));
    },
    '/stall-mid-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"ok":');
      const timer = setTimeout(() => res.end(), 2_000);
      res.on('close', () => clearTimeout(timer));
    },
    '/reset-mid-body': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"ok":', () => setTimeout(() => req.socket.resetAndDestroy(), 10));
    },
    '/short-body': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"ok":true}', () => setTimeout(() => req.socket.destroy(), 10));
    },
    '/cut-json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":tr'),
    '/empty': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(),
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await dispatcher.close();
  await server.close();
});

const post = (path: string, body = '{"q":1}', headers: Record<string, string> = {}): HttpRequest => ({
  method: 'POST',
  url: `${server.url}${path}`,
  headers: { 'content-type': 'application/json', ...headers },
  body,
});
const get = (path: string): HttpRequest => ({ method: 'GET', url: `${server.url}${path}`, headers: {} });
const sendVia = (name: string, request: HttpRequest, extra: TransportOptions = {}) =>
  send(request, { ...PATHS[name]?.(), ...extra }, AbortSignal.timeout(5_000));

describe('the default: crosstune’s node:http handler', () => {
  it('sends over node:http through Node’s global keep-alive agent, never through globalThis.fetch', async () => {
    const request = vi.spyOn(http, 'request');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await send(post('/echo'), {}, AbortSignal.timeout(5_000));
    await send(post('/echo'), {}, AbortSignal.timeout(5_000));
    expect(request).toHaveBeenCalledTimes(2);
    expect(fetchSpy).not.toHaveBeenCalled();
    const [first, second] = server.seen.slice(-2);
    // One connection, kept alive and reused, and held by the global agent (whose settings apply).
    expect(second?.remotePort).toBe(first?.remotePort);
    expect(Object.keys(http.globalAgent.freeSockets).some((key) => key.startsWith('127.0.0.1:'))).toBe(true);
  });

  it('sends the caller’s headers (trimmed), the codings it asks for and the body length; nothing else added', async () => {
    await send(post('/echo', 'é', { 'x-token': ' abc\n' }), {}, AbortSignal.timeout(5_000));
    const headers = server.seen.at(-1)?.headers ?? {};
    expect(headers['x-token']).toBe('abc');
    expect(headers['accept-encoding']).toBe(ACCEPT_ENCODING);
    expect(headers['content-length']).toBe('2');
    expect(headers['user-agent']).toBeUndefined();
    expect(headers.accept).toBeUndefined();
  });

  it('status, repeated and missing headers, body; a GET has no body; a 204 an empty one', async () => {
    const answer = await send(post('/echo'), {}, AbortSignal.timeout(5_000));
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-multi')).toBe('a, b');
    expect(answer.headers.get('X-Request-Id')).toBe('rid-1');
    expect(answer.headers.get('x-absent')).toBeNull();
    expect(JSON.parse(answer.body)).toEqual({ method: 'POST', body: '{"q":1}', length: '7' });
    const got = await send(get('/echo'), {}, AbortSignal.timeout(5_000));
    expect(JSON.parse(got.body)).toEqual({ method: 'GET', body: '' });
    expect(await send(get('/no-content'), {}, AbortSignal.timeout(5_000))).toMatchObject({
      status: 204,
      body: '',
    });
    expect(await send(get('/no-content-gzip'), {}, AbortSignal.timeout(5_000))).toMatchObject({
      status: 204,
      body: '',
    });
  });

  it('leaves no abort listener behind on the caller’s signal', async () => {
    const signal = new AbortController().signal;
    await send(post('/ok'), {}, signal);
    await send(post('/r302'), {}, signal);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('an abort closes the socket at once instead of leaving it to a timer or the pool', async () => {
    const controller = new AbortController();
    const pending = send(post('/slow'), {}, controller.signal);
    await vi.waitFor(() => expect(server.seen.at(-1)?.url).toBe('/slow'));
    const port = server.seen.at(-1)?.remotePort ?? -1;
    controller.abort(new Error('left'));
    await expect(pending).rejects.toThrow('left');
    await vi.waitFor(() => expect(server.closed).toContain(port), { timeout: 500 });
  });
});

describe('every path: node:http, an injected fetch, undici with a dispatcher', () => {
  it.each(ALL)('%s: UTF-8 split across packets, and a leading byte-order mark dropped', async (name) => {
    expect(JSON.parse((await sendVia(name, get('/split-utf8'))).body)).toEqual({ word: 'café €' });
  });

  it.each(ALL)('%s: gzip, deflate and br undone; identity left as it is', async (name) => {
    for (const path of ['/gzip', '/deflate', '/br', '/identity']) {
      expect(JSON.parse((await sendVia(name, get(path))).body), path).toMatchObject({ coded: true });
    }
  });

  it.each(ALL)('%s: follows no redirect — a 3xx is handed over as the answer', async (name) => {
    const before = server.seen.length;
    const answer = await sendVia(name, post('/r302'));
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/echo');
    expect(server.seen.length - before).toBe(1);
  });

  it.each(ALL)('%s: refuses an answer past the size cap, decoded size included', async (name) => {
    for (const path of ['/big', '/big-gzip', '/big-stream']) {
      await expect(sendVia(name, get(path), { maxResponseBytes: 1_000 }), path).rejects.toMatchObject({
        reason: 'too-large',
      });
    }
    expect(JSON.parse((await sendVia(name, get('/big'), { maxResponseBytes: 10_000 })).body)).toMatchObject({
      coded: true,
    });
  });
});

describe('failures: the same error classes on every path (through execute)', () => {
  function plan(path: string, request = post(path)): OperationPlan<unknown> {
    return {
      operation: 'Op',
      idempotent: true,
      request: async () => request,
      decode: (response, details) => parseJsonBody(response, details),
    };
  }
  const run = (
    transport: TransportOptions,
    p: OperationPlan<unknown>,
    options: Parameters<typeof execute>[2] = {},
  ) =>
    execute(
      {
        provider: 'sagemaker',
        transport: { maxResponseBytes: 1_000, ...transport },
        retry: false,
        errors: { requestIdHeaders: [], read: () => ({}), codes: {} },
      },
      p,
      options,
    ).then(
      () => {
        throw new Error('expected a failure');
      },
      (error: CrosstuneError) => error,
    );
  const runVia = (name: string, p: OperationPlan<unknown>, options: Parameters<typeof execute>[2] = {}) =>
    run(PATHS[name]?.() ?? {}, p, options);

  it.each(ALL)('%s: no answer within the attempt’s time → TimeoutError (also mid-body)', async (name) => {
    for (const path of ['/slow', '/stall-mid-body']) {
      const started = performance.now();
      const error = await runVia(name, plan(path), { timeoutMs: 100 });
      expect(TimeoutError.is(error), `${path}: ${error.name}`).toBe(true);
      expect(error.retryable).toBe(true);
      expect(performance.now() - started).toBeLessThan(1_500);
    }
  });

  it.each(ALL)('%s: the caller’s abort → AbortError, before the answer and mid-body', async (name) => {
    for (const path of ['/slow', '/stall-mid-body']) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await runVia(name, plan(path), { signal: controller.signal });
      expect(AbortError.is(error), `${path}: ${error.name}`).toBe(true);
    }
  });

  it.each(ALL)('%s: a reset or a close mid-body → retryable NetworkError', async (name) => {
    for (const path of ['/reset-mid-body', '/short-body']) {
      const error = await runVia(name, plan(path));
      expect(NetworkError.is(error), `${path}: ${error.name} ${error.message}`).toBe(true);
      expect(error.retryable).toBe(true);
    }
  });

  it.each(ALL)(
    '%s: an empty body, or one that ends early but cleanly → retryable ResponseFormatError',
    async (name) => {
      for (const path of ['/cut-json', '/empty']) {
        const error = await runVia(name, plan(path));
        expect(ResponseFormatError.is(error), `${path}: ${error.name}`).toBe(true);
        expect(error.retryable).toBe(true);
      }
    },
  );

  it.each(ALL)('%s: an answer past the cap → ResponseFormatError, not retried', async (name) => {
    const error = await runVia(name, plan('/big-stream'));
    expect(ResponseFormatError.is(error)).toBe(true);
    expect(error).toMatchObject({ path: '(body)', retryable: false });
    expect(error.message).toMatch(/larger than 1000 bytes/);
  });

  it.each(ALL)('%s: a redirect is an error answer, not followed and not retried', async (name) => {
    const error = await runVia(name, plan('/r302'));
    expect(ServiceError.is(error)).toBe(true);
    expect(error).toMatchObject({ httpStatus: 302, retryable: false });
  });

  it('node:http: a coding it did not ask for, or a broken one → retryable ResponseFormatError', async () => {
    for (const path of ['/zz', '/gzip-broken']) {
      const error = await run({}, plan(path, get(path)));
      expect(ResponseFormatError.is(error), `${path}: ${error.name}`).toBe(true);
      expect(error.retryable).toBe(true);
    }
  });

  it('node:http: a header it refuses to send → InvalidArgumentError, not retried, not ambiguous', async () => {
    const error = await run({}, plan('/echo', post('/echo', '{}', { 'x-bad': 'a\rb' })));
    expect(InvalidArgumentError.is(error)).toBe(true);
    expect(error.code).toBe('ERR_INVALID_CHAR');
    expect(error.retryable).toBe(false);
  });

  it('a refused connection → NetworkError with code ECONNREFUSED on every path', async () => {
    const closed = await loopback({});
    await closed.close();
    for (const name of ALL) {
      const error = await runVia(name, plan('/', { ...post('/'), url: `${closed.url}/` }));
      expect(NetworkError.is(error), name).toBe(true);
      expect(error.code).toBe('ECONNREFUSED');
      expect(error.retryable).toBe(true);
    }
  });
});

describe('deadlines hold whatever an injected fetch does', () => {
  const ignoringSignal: FetchLike = async (url, init) => {
    // Sends without the signal and answers after 3 s, as a fetch that drops `init.signal` would.
    const { signal: _dropped, ...rest } = init;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return nodeFetch(url, rest);
  };
  const neverSettles: FetchLike = () => new Promise<Response>(() => undefined);
  const plan: OperationPlan<unknown> = {
    operation: 'Op',
    idempotent: true,
    request: async () => post('/ok'),
    decode: (response, details) => parseJsonBody(response, details),
  };
  const context = (fetch: FetchLike) => ({
    provider: 'sagemaker' as const,
    transport: { fetch },
    retry: false as const,
    errors: { requestIdHeaders: [], read: () => ({}), codes: {} },
  });

  it.each([
    ['ignores init.signal', ignoringSignal],
    ['never settles', neverSettles],
  ])('a fetch that %s: timeoutMs ends the call at the deadline', async (_what, fetch) => {
    const started = performance.now();
    const error = await execute(context(fetch), plan, { timeoutMs: 200 }).catch((e: CrosstuneError) => e);
    expect(TimeoutError.is(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200 + 150);
  });

  it.each([
    ['ignores init.signal', ignoringSignal],
    ['never settles', neverSettles],
  ])('a fetch that %s: the caller’s abort ends the call at once', async (_what, fetch) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await execute(context(fetch), plan, { signal: controller.signal }).catch(
      (e: CrosstuneError) => e,
    );
    expect(AbortError.is(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(100 + 150);
  });
});
