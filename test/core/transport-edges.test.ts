/**
 * The transport at its edges: what a fetch that answers with no Response is said to have answered,
 * what a fetch is asked to do, the size cap to the byte on both paths, codings named in any case,
 * a PUT without a body, a URL that is not http(s), and what is left behind once a call ended.
 */
import { getEventListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FetchLike, type HttpRequest, send } from '../../src/core/http/transport.js';

let server: Server;
let base = '';
const seen: IncomingMessage[] = [];
const BODY = '{"n":"0123456789"}'; // 18 bytes

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/x-gzip') res.writeHead(200, { 'content-encoding': ' X-GZIP ' }).end(gzipSync(BODY));
      else if (path === '/empty-coding') res.writeHead(200, { 'content-encoding': '' }).end(BODY);
      else if (path === '/gzip') res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(BODY));
      else if (path === '/zz') res.writeHead(200, { 'content-encoding': 'zz' }).end(BODY);
      else if (path === '/broken') res.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip');
      else if (path === '/cut') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"n":', () => setTimeout(() => req.socket.destroy(), 10));
      } else res.writeHead(200).end(BODY);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.restoreAllMocks();
});
/** The module object the handler reads `request` from on every call. */
const nodeHttp = process.getBuiltinModule('node:http') as typeof import('node:http');

const get = (path: string, method = 'GET'): HttpRequest => ({ method, url: `${base}${path}`, headers: {} });
const answering =
  (answer: unknown): FetchLike =>
  async () =>
    answer as Response;
const viaFetch = (fetch: FetchLike, maxResponseBytes?: number) =>
  send(get('/'), { fetch, maxResponseBytes }, AbortSignal.timeout(5_000));

describe('a fetch that answers with something else than a Response', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    ['OK', 'OK'],
    [{}, 'an object'],
    [Object.create(null), 'an object'],
    [new Map(), 'a Map'],
    [{ status: 200.5, headers: new Headers(), body: null }, 'an object'],
    [{ status: 200, headers: {}, body: null }, 'an object'],
    [{ status: 200, headers: new Headers(), body: 'text' }, 'an object'],
  ])('%o is named as %s', async (answer, named) => {
    await expect(viaFetch(answering(answer))).rejects.toThrow(
      `The fetch option resolved with ${named}, not a Response`,
    );
  });

  it('a Response-shaped answer without a body is read as an empty one', async () => {
    for (const body of [null, undefined]) {
      const answer = await viaFetch(answering({ status: 204, headers: new Headers(), body }));
      expect(answer).toMatchObject({ status: 204, body: '' });
    }
  });
});

describe('what a fetch is asked', () => {
  it('the method, headers and body, redirects left to the caller, and no dispatcher unless given', async () => {
    const inits: RequestInit[] = [];
    const fetch: FetchLike = async (_url, init) => {
      inits.push(init);
      return new Response('{}');
    };
    const request: HttpRequest = { method: 'PUT', url: `${base}/`, headers: { 'x-a': '1' }, body: '{}' };
    await send(request, { fetch }, AbortSignal.timeout(5_000));
    expect(inits[0]).toMatchObject({
      method: 'PUT',
      headers: { 'x-a': '1' },
      body: '{}',
      redirect: 'manual',
    });
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal);
    expect('dispatcher' in (inits[0] ?? {})).toBe(false);
  });

  it('leaves no listener on the signal once the fetch settled, answered or failed', async () => {
    const signal = AbortSignal.timeout(5_000);
    await send(get('/'), { fetch: answering(new Response('{}')) }, signal);
    await send(get('/'), { fetch: async () => Promise.reject(new Error('down')) }, signal).catch(
      () => undefined,
    );
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });
});

describe('a fetch abandoned by an abort', () => {
  it('an abort before the call ends it at once with the signal’s reason, whatever the fetch does', async () => {
    const reason = new Error('left');
    const ignoring: FetchLike = async () => new Response('{}');
    await expect(send(get('/'), { fetch: ignoring }, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('its later failure is nobody’s unhandled rejection, aborted before or during the call', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failingLater: FetchLike = () =>
        new Promise((_, reject) => setTimeout(() => reject(new Error('late failure')), 10));
      const controller = new AbortController();
      const sent = send(get('/'), { fetch: failingLater }, controller.signal);
      controller.abort(new Error('left'));
      await expect(sent).rejects.toThrow('left');
      const early = send(get('/'), { fetch: failingLater }, AbortSignal.abort(new Error('left early')));
      await expect(early).rejects.toThrow('left early');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('the size cap, to the byte', () => {
  it('through a fetch: an answer of exactly the cap is read, one byte more is refused and its stream cancelled', async () => {
    expect((await viaFetch(answering(new Response(BODY)), 18)).body).toBe(BODY);
    let cancelled = false;
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(BODY));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(viaFetch(answering(new Response(stream)), 17)).rejects.toThrow(
      'The answer is larger than 17 bytes',
    );
    expect(cancelled).toBe(true);
  });

  it('through node:http: exactly the cap is read, one byte more refused, counted before and after decoding', async () => {
    const zipped = gzipSync(BODY).length;
    for (const [path, size] of [
      ['/', BODY.length],
      ['/gzip', zipped],
    ] as const) {
      expect((await send(get(path), { maxResponseBytes: size }, AbortSignal.timeout(5_000))).body).toBe(BODY);
      await expect(
        send(get(path), { maxResponseBytes: size - 1 }, AbortSignal.timeout(5_000)),
      ).rejects.toMatchObject({
        reason: 'too-large',
        message: `The answer is larger than ${size - 1} bytes`,
      });
    }
  });
});

describe('node:http', () => {
  it('undoes a coding named in any case and with spaces; an empty coding is none', async () => {
    for (const path of ['/x-gzip', '/empty-coding']) {
      expect((await send(get(path), {}, AbortSignal.timeout(5_000))).body).toBe(BODY);
    }
  });

  it('a PUT or POST without a body says its length is 0; a GET or DELETE says nothing', async () => {
    for (const method of ['PUT', 'POST', 'GET', 'DELETE']) {
      await send(get('/', method), {}, AbortSignal.timeout(5_000));
      const length = seen.at(-1)?.headers['content-length'];
      expect(length, method).toBe(method === 'PUT' || method === 'POST' ? '0' : undefined);
    }
  });

  it('says why an answer could not be read: a coding not asked for, a broken one, a connection lost', async () => {
    const sent = (path: string) => send(get(path), {}, AbortSignal.timeout(5_000));
    await expect(sent('/zz')).rejects.toMatchObject({
      reason: 'undecodable',
      message: 'The answer is in the zz coding, which was not asked for',
    });
    await expect(sent('/broken')).rejects.toMatchObject({
      reason: 'undecodable',
      message: "The answer's gzip coding is broken",
      cause: { code: 'Z_DATA_ERROR' },
    });
    await expect(sent('/cut')).rejects.toMatchObject({
      code: 'ECONNRESET',
      message: 'The connection closed before the answer ended',
      cause: { code: 'ECONNRESET', message: 'aborted' },
    });
  });

  it('asks for exactly the codings it undoes', async () => {
    await send(get('/'), {}, AbortSignal.timeout(5_000));
    expect(seen.at(-1)?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('sends to an IPv6 literal by its address, without the brackets', async () => {
    const asked: Array<{ hostname?: string | null }> = [];
    vi.spyOn(nodeHttp, 'request').mockImplementation(((options: { hostname?: string }) => {
      asked.push(options);
      throw new Error('not sent');
    }) as never);
    const request: HttpRequest = { method: 'GET', url: 'http://[::1]:9/x', headers: {} };
    await expect(send(request, {}, AbortSignal.timeout(5_000))).rejects.toThrow('not sent');
    expect(asked[0]?.hostname).toBe('::1');
  });

  it('sends only http: and https: URLs', async () => {
    await expect(
      send({ method: 'GET', url: 'ftp://127.0.0.1/x', headers: {} }, {}, AbortSignal.timeout(5_000)),
    ).rejects.toThrow('Only http: and https: URLs can be sent, not ftp:');
  });
});
