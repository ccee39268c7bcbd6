/**
 * The default transport over real sockets: which way a request leaves (node:http while the global
 * fetch is Node's own, fetch otherwise), and that the node:http path answers as Node's fetch does —
 * status, headers, body text, content codings, redirects — and fails with the same error classes
 * (timeout, abort, reset mid-body, body cut short, refused connection). No msw in this file:
 * transport-msw.test.ts covers interception.
 */
import { getEventListeners } from 'node:events';
import type * as nodeHttp from 'node:http';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync, zstdCompressSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  type CrosstuneError,
  NetworkError,
  ResponseFormatError,
  TimeoutError,
} from '../../src/core/errors.js';
import { parseJsonBody } from '../../src/core/http/decode.js';
import { execute, type OperationPlan } from '../../src/core/http/execute.js';
import { closeConnections, sendNodeHttp } from '../../src/core/http/node-transport.js';
import {
  defaultIsNodeHttp,
  type FetchLike,
  type HttpRequest,
  type HttpResponse,
  send,
} from '../../src/core/http/transport.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  remotePort: number | undefined;
}

type Route = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

/** A loopback server answering by path; it records what it received. */
async function loopback(routes: Record<string, Route>) {
  const seen: Seen[] = [];
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const nodeFetch = globalThis.fetch as FetchLike;
/** The module object node-transport reads `request` from on every call. */
const http = process.getBuiltinModule('node:http') as typeof nodeHttp;
const nameOf = (value: unknown) => (value === undefined ? 'none' : (value as object).constructor.name);
const PATHS = {
  'node:http': (request: HttpRequest, signal: AbortSignal) => sendNodeHttp(request, signal),
  fetch: (request: HttpRequest, signal: AbortSignal) => send(request, { fetch: nodeFetch }, signal),
} as const;
type PathName = keyof typeof PATHS;
const BOTH = Object.keys(PATHS) as PathName[];

const gzipped = gzipSync(Buffer.from(JSON.stringify({ coded: 'gzip', pad: 'x'.repeat(4000) })));

let server: Awaited<ReturnType<typeof loopback>>;
let other: Awaited<ReturnType<typeof loopback>>;
beforeAll(async () => {
  other = await loopback({
    '/landing': (_req, res, seen) =>
      res.end(JSON.stringify({ method: seen.method, auth: seen.headers.authorization ?? null })),
  });
  const json = (body: unknown) => (_req: IncomingMessage, res: ServerResponse) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
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
    '/gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipped),
    '/x-gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'x-gzip' }).end(gzipped),
    '/deflate': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync('{"coded":"deflate"}')),
    '/deflate-raw': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync('{"coded":"raw deflate"}')),
    '/br': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('{"coded":"br"}')),
    '/gzip-then-br': (_req, res) =>
      res
        .writeHead(200, { 'content-encoding': 'gzip, br' })
        .end(brotliCompressSync(gzipSync('{"coded":"gzip then br"}'))),
    '/unknown-coding': (_req, res) => res.writeHead(200, { 'content-encoding': 'zz' }).end('{"plain":true}'),
    // One coding fetch does not know: none is undone, the body is handed over as sent.
    '/gzip-then-unknown': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip, zz' }).end(gzipSync('{"coded":"gzip"}')),
    '/identity': (_req, res) => res.writeHead(200, { 'content-encoding': 'identity' }).end('{"plain":true}'),
    '/zstd': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'zstd' }).end(zstdCompressSync('{"coded":"zstd"}')),
    '/six-codings': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip, gzip, gzip, gzip, gzip, gzip' }).end('x'),
    '/gzip-cut': (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipped.subarray(0, gzipped.length - 12)),
    '/gzip-empty': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(),
    '/no-content': (_req, res) => res.writeHead(204).end(),
    '/r307': (_req, res) => res.writeHead(307, { location: '/echo' }).end(),
    '/r303': (_req, res) => res.writeHead(303, { location: '/echo?after=303' }).end(),
    '/r302': (_req, res) => res.writeHead(302, { location: '/echo' }).end(),
    '/r-elsewhere': (_req, res) => res.writeHead(307, { location: `${other.url}/landing` }).end(),
    // A Location in UTF-8 bytes, not percent-encoded, as some servers send it.
    '/r-utf8': (_req, res) =>
      res.writeHead(307, { location: Buffer.from('/jobs/é', 'utf8').toString('latin1') }).end(),
    '/jobs/%C3%A9': (_req, res, seen) => res.end(JSON.stringify({ arrived: seen.url })),
    '/token': (_req, res, seen) => res.end(JSON.stringify({ token: seen.headers['x-security-token'] })),
    '/r-same-origin': (_req, res) => res.writeHead(307, { location: '/landing-here' }).end(),
    '/landing-here': (_req, res, seen) =>
      res.end(JSON.stringify({ method: seen.method, auth: seen.headers.authorization ?? null })),
    '/r-loop': (_req, res) => res.writeHead(302, { location: '/r-loop' }).end(),
    '/r-nowhere': (_req, res) => res.writeHead(302).end('no location'),
    '/r-ftp': (_req, res) => res.writeHead(302, { location: 'ftp://127.0.0.1/file' }).end(),
    '/r-bad': (_req, res) => res.writeHead(302, { location: 'http://[bad' }).end(),
    '/ok': json({ ok: true }),
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
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
afterAll(async () => {
  closeConnections();
  await server.close();
  await other.close();
});

const post = (path: string, body = '{"q":1}', headers: Record<string, string> = {}): HttpRequest => ({
  method: 'POST',
  url: `${server.url}${path}`,
  headers: { 'content-type': 'application/json', ...headers },
  body,
});
const get = (path: string): HttpRequest => ({ method: 'GET', url: `${server.url}${path}`, headers: {} });

async function viaBoth(request: () => HttpRequest): Promise<Record<PathName, HttpResponse>> {
  const out = {} as Record<PathName, HttpResponse>;
  for (const name of BOTH) out[name] = await PATHS[name](request(), AbortSignal.timeout(5_000));
  return out;
}

/** What a rejection says: its class, message, and its cause's — comparable across the two paths. */
const failureOf = (pending: Promise<unknown>) =>
  pending.then(
    () => undefined,
    (error: Error) => ({
      name: error.name,
      message: error.message,
      cause:
        error.cause instanceof Error ? { name: error.cause.name, message: error.cause.message } : undefined,
    }),
  );

/** Status, the headers tests read, and the body — comparable across the two paths. */
const summary = (r: HttpResponse, names: string[] = []) => ({
  status: r.status,
  body: r.body,
  headers: Object.fromEntries(names.map((n) => [n, r.headers.get(n)])),
});

describe('which way the default transport sends', () => {
  it('uses node:http while the global fetch is Node’s own, and keeps the connection alive', async () => {
    expect(defaultIsNodeHttp()).toBe(true);
    const request = vi.spyOn(http, 'request');
    const from = server.seen.length;
    await send(post('/echo'), {}, AbortSignal.timeout(5_000));
    await send(post('/echo'), {}, AbortSignal.timeout(5_000));
    expect(request).toHaveBeenCalledTimes(2);
    const [first, second] = server.seen.slice(from);
    expect(first?.headers.connection).toBe('keep-alive');
    expect(second?.remotePort).toBe(first?.remotePort);
  });

  it('sends the headers Node’s fetch sends', async () => {
    const requests: Array<[string, () => HttpRequest]> = [
      ['POST with a content type', () => post('/echo', '{"é":1}')],
      [
        'POST without a content type',
        () => ({ method: 'POST', url: `${server.url}/echo`, headers: {}, body: 'text' }),
      ],
      ['POST without a body', () => ({ method: 'POST', url: `${server.url}/echo`, headers: {} })],
      ['GET', () => get('/echo')],
      [
        'own accept and user-agent',
        () => ({ ...get('/echo'), headers: { Accept: 'application/json', 'User-Agent': 'me' } }),
      ],
    ];
    for (const [label, request] of requests) {
      const from = server.seen.length;
      await viaBoth(request);
      const [viaNode, viaFetch] = server.seen.slice(from);
      expect(viaNode?.headers, label).toEqual(viaFetch?.headers);
      expect(viaNode?.body, label).toBe(viaFetch?.body);
    }
  });

  it('goes through a replaced global fetch (a spy, msw) as soon as it is replaced, and back after', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', (input: string, init: RequestInit) => {
      calls.push(input);
      return nodeFetch(input, init);
    });
    expect(defaultIsNodeHttp()).toBe(false);
    const answer = await send(post('/ok'), {}, AbortSignal.timeout(5_000));
    expect(answer.status).toBe(200);
    expect(calls).toEqual([`${server.url}/ok`]);
    vi.unstubAllGlobals();
    expect(defaultIsNodeHttp()).toBe(true);
  });

  it('keeps fetch when a global undici dispatcher other than a plain Agent is installed', () => {
    const current = Symbol.for('undici.globalDispatcher.2');
    const legacy = Symbol.for('undici.globalDispatcher.1');
    const global = globalThis as Record<symbol, unknown>;
    const before = [global[current], global[legacy]];
    // Shaped like undici's: its options under a symbol described 'options', as a default Agent has them.
    const options: unique symbol = Symbol('options');
    class Agent {
      [options] = { maxOrigins: Number.POSITIVE_INFINITY, connect: undefined };
    }
    class ProxyAgent {}
    class MockAgent {}
    class Dispatcher1Wrapper {}
    const cases: Array<[unknown, unknown, boolean]> = [
      // Node's bundled fetch alone (it installs a plain Agent under .1 on first use).
      [undefined, new Agent(), true],
      // npm undici 8 imported: its own Agent under .2, wrapped under .1.
      [new Agent(), new Dispatcher1Wrapper(), true],
      // setGlobalDispatcher(new ProxyAgent(…)) with npm undici 8, or with an older undici.
      [new ProxyAgent(), new Dispatcher1Wrapper(), false],
      [undefined, new ProxyAgent(), false],
      [undefined, new MockAgent(), false],
      // A wrapper of a dispatcher nobody can see.
      [undefined, new Dispatcher1Wrapper(), false],
    ];
    try {
      for (const [inCurrent, inLegacy, expected] of cases) {
        global[current] = inCurrent;
        global[legacy] = inLegacy;
        expect(defaultIsNodeHttp(), `${nameOf(inCurrent)} / ${nameOf(inLegacy)}`).toBe(expected);
      }
    } finally {
      [global[current], global[legacy]] = before;
    }
  });

  it('the injected fetch option wins over node:http', async () => {
    const injected = vi.fn(nodeFetch);
    await send(post('/ok'), { fetch: injected }, AbortSignal.timeout(5_000));
    expect(injected).toHaveBeenCalledTimes(1);
  });
});

describe('node:http answers as Node’s fetch does', () => {
  it('status, repeated and missing headers, body, request body and its length', async () => {
    const both = await viaBoth(() => post('/echo', '{"name":"réseau"}'));
    const names = ['x-multi', 'X-Request-Id', 'content-type', 'x-absent'];
    expect(summary(both['node:http'], names)).toEqual(summary(both.fetch, names));
    expect(summary(both['node:http'], names)).toEqual({
      status: 201,
      body: JSON.stringify({ method: 'POST', body: '{"name":"réseau"}', length: '18' }),
      headers: {
        'x-multi': 'a, b',
        'X-Request-Id': 'rid-1',
        'content-type': 'application/json',
        'x-absent': null,
      },
    });
  });

  it('a GET has no body; a 204 has an empty one', async () => {
    const both = await viaBoth(() => get('/echo'));
    expect(JSON.parse(both['node:http'].body)).toEqual({ method: 'GET', body: '' });
    expect(both['node:http'].body).toBe(both.fetch.body);
    const empty = await viaBoth(() => get('/no-content'));
    expect(summary(empty['node:http'])).toEqual({ status: 204, body: '', headers: {} });
    expect(summary(empty.fetch)).toEqual(summary(empty['node:http']));
  });

  it('UTF-8 split across packets, and a leading byte-order mark dropped', async () => {
    const both = await viaBoth(() => get('/split-utf8'));
    expect(both['node:http'].body).toBe('{"word":"café €"}');
    expect(both.fetch.body).toBe(both['node:http'].body);
  });

  it.each([
    ['/gzip', { coded: 'gzip', pad: 'x'.repeat(4000) }],
    ['/x-gzip', { coded: 'gzip', pad: 'x'.repeat(4000) }],
    ['/deflate', { coded: 'deflate' }],
    ['/deflate-raw', { coded: 'raw deflate' }],
    ['/br', { coded: 'br' }],
    ['/gzip-then-br', { coded: 'gzip then br' }],
    ['/unknown-coding', { plain: true }],
  ])('decodes content-encoding like fetch: %s', async (path, expected) => {
    const both = await viaBoth(() => get(path));
    expect(JSON.parse(both['node:http'].body)).toEqual(expected);
    expect(both['node:http'].body).toBe(both.fetch.body);
    // The header stays as the server sent it, as in fetch's Response.
    expect(both['node:http'].headers.get('content-encoding')).toBe(
      both.fetch.headers.get('content-encoding'),
    );
  });

  it('decodes zstd where Node’s fetch does (its undici 7.10 on), and leaves it alone where not', async () => {
    const both = await viaBoth(() => get('/zstd'));
    expect(both['node:http'].body).toBe(both.fetch.body);
    const [major = 0, minor = 0] = (process.versions.undici ?? '').split('.').map(Number);
    if (major > 7 || (major === 7 && minor >= 10))
      expect(JSON.parse(both.fetch.body)).toEqual({ coded: 'zstd' });
  });

  it('leaves every coding undone when one is unknown, as fetch does', async () => {
    for (const path of ['/gzip-then-unknown', '/identity']) {
      const both = await viaBoth(() => get(path));
      expect(both['node:http'].body).toBe(both.fetch.body);
    }
    const raw = await viaBoth(() => get('/gzip-then-unknown'));
    expect(raw['node:http'].body.startsWith('\u001f')).toBe(true);
  });

  it('refuses more than five codings, as fetch does', async () => {
    const [viaNode, viaFetch] = await Promise.all(
      BOTH.map((name) => failureOf(PATHS[name](get('/six-codings'), AbortSignal.timeout(5_000)))),
    );
    expect(viaNode).toEqual(viaFetch);
    expect(viaNode?.cause?.message).toMatch(/too many content-encodings/);
  });

  it('a gzip body cut short or empty reads as fetch reads it (what arrived, no error)', async () => {
    for (const path of ['/gzip-cut', '/gzip-empty']) {
      const both = await viaBoth(() => get(path));
      expect(both['node:http'].body).toBe(both.fetch.body);
      expect(both['node:http'].status).toBe(200);
    }
  });

  it('follows 307 with the same method and body, 302/303 as a GET without body', async () => {
    const kept = await viaBoth(() => post('/r307', '{"again":true}'));
    expect(JSON.parse(kept['node:http'].body)).toEqual({
      method: 'POST',
      body: '{"again":true}',
      length: '14',
    });
    expect(kept['node:http'].body).toBe(kept.fetch.body);
    for (const path of ['/r303', '/r302']) {
      const changed = await viaBoth(() => post(path, '{"gone":true}'));
      expect(JSON.parse(changed['node:http'].body)).toEqual({ method: 'GET', body: '' });
      expect(changed['node:http'].body).toBe(changed.fetch.body);
      expect(changed['node:http'].status).toBe(201);
    }
  });

  it('follows a Location sent as raw UTF-8 to the same path fetch does', async () => {
    const both = await viaBoth(() => post('/r-utf8', '{}'));
    expect(JSON.parse(both['node:http'].body)).toEqual({ arrived: '/jobs/%C3%A9' });
    expect(both['node:http'].body).toBe(both.fetch.body);
  });

  it('trims header values as Headers does (a token read from a file ends in a newline)', async () => {
    const both = await viaBoth(() => post('/token', '{}', { 'x-security-token': ' TOKEN\n' }));
    expect(JSON.parse(both['node:http'].body)).toEqual({ token: 'TOKEN' });
    expect(both['node:http'].body).toBe(both.fetch.body);
  });

  it('keeps credentials on a same-origin redirect and drops them for another origin', async () => {
    const auth = { authorization: 'AWS4-HMAC-SHA256 secret' };
    const same = await viaBoth(() => post('/r-same-origin', '{}', auth));
    expect(JSON.parse(same['node:http'].body)).toEqual({ method: 'POST', auth: auth.authorization });
    expect(same['node:http'].body).toBe(same.fetch.body);
    const away = await viaBoth(() => post('/r-elsewhere', '{}', auth));
    expect(JSON.parse(away['node:http'].body)).toEqual({ method: 'POST', auth: null });
    expect(away['node:http'].body).toBe(away.fetch.body);
  });

  it('hands over a redirect without Location as it is; too many redirects or a non-HTTP one fail', async () => {
    const bare = await viaBoth(() => get('/r-nowhere'));
    expect(summary(bare['node:http'])).toEqual({ status: 302, body: 'no location', headers: {} });
    expect(summary(bare.fetch)).toEqual(summary(bare['node:http']));
    for (const path of ['/r-loop', '/r-ftp', '/r-bad']) {
      const [viaNode, viaFetch] = await Promise.all(
        BOTH.map((name) => failureOf(PATHS[name](get(path), AbortSignal.timeout(5_000)))),
      );
      expect(viaNode, path).toEqual(viaFetch);
      expect(viaNode?.name, path).toBe('TypeError');
    }
  });

  it('refuses URLs as fetch does: not parsable, with credentials, not HTTP', async () => {
    for (const url of ['not a url', 'http://user:pass@127.0.0.1/', 'ftp://127.0.0.1/']) {
      const request = { method: 'GET', url, headers: {} };
      const [viaNode, viaFetch] = await Promise.all(
        BOTH.map((name) => failureOf(PATHS[name](request, AbortSignal.timeout(5_000)))),
      );
      expect(viaNode, url).toEqual(viaFetch);
    }
  });

  it('leaves no abort listener behind on the caller’s signal', async () => {
    const signal = new AbortController().signal;
    await sendNodeHttp(post('/ok'), signal);
    await sendNodeHttp(post('/r307'), signal);
    await expect(sendNodeHttp(get('/r-loop'), signal)).rejects.toThrow(TypeError);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });
});

describe('failures: the same error classes on both paths (through execute)', () => {
  function plan(path: string, request = post(path)): OperationPlan<unknown> {
    return {
      operation: 'Op',
      idempotent: true,
      request: async () => request,
      errorOf: () => undefined,
      decode: (response, details) => parseJsonBody(response, details),
    };
  }
  const run = (name: PathName, p: OperationPlan<unknown>, options: Parameters<typeof execute>[2] = {}) =>
    execute(
      {
        provider: 'sagemaker',
        transport: name === 'fetch' ? { fetch: nodeFetch } : {},
        retry: false,
        requestIdHeaders: [],
      },
      p,
      options,
    ).then(
      () => {
        throw new Error('expected a failure');
      },
      (error: CrosstuneError) => error,
    );

  it.each(BOTH)('%s: no answer within the attempt’s time → TimeoutError (also mid-body)', async (name) => {
    for (const path of ['/slow', '/stall-mid-body']) {
      const started = performance.now();
      const error = await run(name, plan(path), { timeoutMs: 100 });
      expect(TimeoutError.is(error), `${path}: ${error.name}`).toBe(true);
      expect(error.retryable).toBe(true);
      expect(performance.now() - started).toBeLessThan(1_500);
    }
  });

  it.each(BOTH)('%s: the caller’s abort → AbortError, before the answer and mid-body', async (name) => {
    for (const path of ['/slow', '/stall-mid-body']) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await run(name, plan(path), { signal: controller.signal });
      expect(AbortError.is(error), `${path}: ${error.name}`).toBe(true);
    }
  });

  it.each(BOTH)('%s: a reset or a close mid-body → retryable NetworkError', async (name) => {
    for (const path of ['/reset-mid-body', '/short-body']) {
      const error = await run(name, plan(path));
      expect(NetworkError.is(error), `${path}: ${error.name} ${error.message}`).toBe(true);
      expect(error.retryable).toBe(true);
    }
  });

  it.each(BOTH)('%s: a body that ends early but cleanly → retryable ResponseFormatError', async (name) => {
    const error = await run(name, plan('/cut-json'));
    expect(ResponseFormatError.is(error)).toBe(true);
    expect(error.retryable).toBe(true);
  });

  it('node:http: a header it refuses to send → InvalidArgumentError, not retried, not ambiguous', async () => {
    const error = await run('node:http', plan('/echo', post('/echo', '{}', { 'x-bad': 'a\rb' })));
    expect(error.name).toBe('InvalidArgumentError');
    expect(error.code).toBe('ERR_INVALID_CHAR');
    expect(error.retryable).toBe(false);
  });

  it('a refused connection → the same NetworkError (code ECONNREFUSED, same message) on both', async () => {
    const closed = await loopback({});
    await closed.close();
    const errors = await Promise.all(
      BOTH.map((name) => run(name, plan('/', { ...post('/'), url: `${closed.url}/` }))),
    );
    for (const error of errors) {
      expect(NetworkError.is(error)).toBe(true);
      expect(error.code).toBe('ECONNREFUSED');
      expect(error.retryable).toBe(true);
    }
    expect(errors[0]?.message).toBe(errors[1]?.message);
  });
});
