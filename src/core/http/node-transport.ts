/**
 * One request over node:http / node:https with a keep-alive agent: the default path when
 * `globalThis.fetch` is still Node's own (see transport.ts). It behaves as Node's fetch does for
 * the requests crosstune sends: the same default headers, redirects followed by the same rules,
 * gzip/deflate/br (and zstd where fetch does) bodies decoded the same lenient way, the body read
 * as UTF-8 text without a byte-order mark, and a rejection with the signal's reason on abort or
 * timeout. On a loopback
 * SageMaker listing it takes ~40% less time per request than fetch, and a cold start loads no
 * undici (docs/architecture.md#transport).
 *
 * The modules come from `process.getBuiltinModule`, not `import`: importing `node:http` as an ES
 * module reads every export, and its lazy `WebSocket` getter loads undici (~35 ms). `request` is
 * read from the module object on every call, so interceptors that patch it (msw) still see us.
 */
import type * as NodeHttp from 'node:http';
import type * as NodeZlib from 'node:zlib';
import { fromRawHeaders } from './headers.js';
import type { HttpRequest, HttpResponse } from './transport.js';

type HttpModule = typeof NodeHttp;

interface Scheme {
  module: HttpModule;
  agent: NodeHttp.Agent;
  /** What fetch asks for on this scheme. */
  acceptEncoding: string;
}

/** Idle connections are closed after 4 s (undici's default) or sooner when the server says so. */
const IDLE_TIMEOUT_MS = 4_000;
/** Fetch gives up after 20 redirects. */
const MAX_REDIRECTS = 20;
/** Headers Node's fetch adds when the request has none of that name. */
const FETCH_DEFAULTS: ReadonlyArray<readonly [string, string]> = [
  ['accept', '*/*'],
  ['accept-language', '*'],
  ['sec-fetch-mode', 'cors'],
  ['user-agent', 'node'],
];
/** Headers fetch drops when a redirect turns the request into a GET without body. */
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
];
/** Headers fetch drops when a redirect leads to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'host'];
const REDIRECT = new Set([301, 302, 303, 307, 308]);
const NO_BODY = new Set([101, 204, 205, 304]);
/** Fetch refuses answers with more content codings than this. */
const MAX_CODINGS = 5;
/** Node's bundled undici decodes zstd from 7.10 on (Node 24); Node 22's (undici 6) does not. */
const FETCH_DECODES_ZSTD = (() => {
  const [major = 0, minor = 0] = (process.versions.undici ?? '').split('.').map(Number);
  return major > 7 || (major === 7 && minor >= 10);
})();

const schemes: { 'http:'?: Scheme; 'https:'?: Scheme } = {};

function schemeFor(protocol: string): Scheme | undefined {
  if (protocol !== 'http:' && protocol !== 'https:') return undefined;
  let scheme = schemes[protocol];
  if (!scheme) {
    const secure = protocol === 'https:';
    const module = process.getBuiltinModule(secure ? 'node:https' : 'node:http') as HttpModule;
    scheme = {
      module,
      agent: new module.Agent({ keepAlive: true, timeout: IDLE_TIMEOUT_MS }),
      acceptEncoding: secure ? 'br, gzip, deflate' : 'gzip, deflate',
    };
    schemes[protocol] = scheme;
  }
  return scheme;
}

/** Closes the pooled connections (for tests: a process exits without it, idle sockets are unref'd). */
export function closeConnections(): void {
  for (const scheme of Object.values(schemes)) scheme.agent.destroy();
}

/** Where a URL leads, as node:http takes it; the last one is kept (a client calls one endpoint). */
interface Target {
  scheme: Scheme;
  options: NodeHttp.RequestOptions;
}
let lastTarget: { href: string; target: Target } | undefined;

/** A network error as Node's fetch rejects with it: "fetch failed", the reason as its cause. */
const fetchFailed = (cause: Error) => new TypeError('fetch failed', { cause });

function targetOf(href: string): Target {
  if (lastTarget?.href === href) return lastTarget.target;
  let url: URL;
  try {
    url = new URL(href);
  } catch (cause) {
    throw new TypeError(`Failed to parse URL from ${href}`, { cause });
  }
  if (url.username || url.password) {
    throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${href}`);
  }
  const scheme = schemeFor(url.protocol);
  if (!scheme) throw fetchFailed(new Error('unknown scheme'));
  const target: Target = {
    scheme,
    options: {
      protocol: url.protocol,
      // An IPv6 literal without its brackets, as node:http wants it.
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
    },
  };
  lastTarget = { href, target };
  return target;
}

/** The request's headers plus what Node's fetch would add to them. */
function headersToSend(request: HttpRequest, scheme: Scheme): Record<string, string | number> {
  const headers: Record<string, string | number> = {};
  const present = new Set<string>();
  for (const name in request.headers) {
    // As `Headers` does: leading and trailing whitespace (a token read from a file ends in "\n")
    // is not part of the value, and node:http would refuse the CR/LF outright.
    headers[name] = (request.headers[name] as string).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    present.add(name.toLowerCase());
  }
  if (request.body !== undefined && !present.has('content-type')) {
    headers['content-type'] = 'text/plain;charset=UTF-8';
  }
  for (const [name, value] of FETCH_DEFAULTS) if (!present.has(name)) headers[name] = value;
  if (!present.has('accept-encoding')) headers['accept-encoding'] = scheme.acceptEncoding;
  if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
  else if (request.method === 'POST' || request.method === 'PUT') headers['content-length'] = 0;
  return headers;
}

export function sendNodeHttp(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
  return sendHop(request, signal, 0);
}

function sendHop(request: HttpRequest, signal: AbortSignal, redirects: number): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const { scheme, options } = targetOf(request.url);

    let settled = false;
    const finish = (error: unknown, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (response) resolve(response);
      else reject(error);
    };
    const onAbort = () => {
      finish(signal.reason);
      req.destroy();
    };

    const send = {
      ...options,
      method: request.method,
      headers: headersToSend(request, scheme),
      agent: scheme.agent,
    };
    const req = scheme.module.request(send, (res) => {
      const status = res.statusCode ?? 0;
      // node:http reads header bytes as latin1; a non-ASCII Location was UTF-8, as fetch reads it.
      const raw = REDIRECT.has(status) ? res.headers.location : undefined;
      const location = raw === undefined ? undefined : Buffer.from(raw, 'latin1').toString('utf8');
      if (location !== undefined) {
        res.resume();
        let next: HttpRequest;
        try {
          next = redirected(request, status, location, redirects);
        } catch (error) {
          finish(error);
          return;
        }
        signal.removeEventListener('abort', onAbort);
        settled = true;
        sendHop(next, signal, redirects + 1).then(resolve, reject);
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A connection lost before the body's end destroys `res` with an error (a close without
      // one is taken the same way); fetch's body reader then fails with "terminated".
      const terminated = (cause: unknown) => finish(new TypeError('terminated', { cause }));
      res.on('error', terminated);
      res.on('close', () => {
        if (!res.complete) terminated(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      });
      res.on('end', () => {
        // Errors here (a body past V8's string limit) must reject the call, not escape the listener.
        const answer = (bytes: Buffer) =>
          finish(undefined, { status, headers: fromRawHeaders(res.rawHeaders), body: utf8(bytes) });
        try {
          const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
          const coding = res.headers['content-encoding'];
          if (!coding || body.length === 0 || request.method === 'HEAD' || NO_BODY.has(status)) answer(body);
          else
            decode(body, coding)
              // A corrupt coding fails as fetch's body reader does; decode's own refusals are fetch's already.
              .then(answer, (cause: unknown) =>
                cause instanceof TypeError ? finish(cause) : terminated(cause),
              )
              .catch(finish);
        } catch (error) {
          finish(error);
        }
      });
    });
    req.on('error', (error) => finish(fetchFailed(error)));
    signal.addEventListener('abort', onAbort, { once: true });
    req.end(request.body);
  });
}

/** The request fetch would send next, by the Fetch standard's redirect steps. */
function redirected(request: HttpRequest, status: number, location: string, redirects: number): HttpRequest {
  if (redirects >= MAX_REDIRECTS) throw fetchFailed(new Error('redirect count exceeded'));
  const url = new URL(request.url);
  let target: URL;
  try {
    target = new URL(location, url);
  } catch (cause) {
    throw fetchFailed(cause as Error);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw fetchFailed(new Error('URL scheme must be a HTTP(S) scheme'));
  }
  const headers = { ...request.headers };
  let { method, body } = request;
  if (
    ((status === 301 || status === 302) && method === 'POST') ||
    (status === 303 && method !== 'GET' && method !== 'HEAD')
  ) {
    method = 'GET';
    body = undefined;
    dropHeaders(headers, BODY_HEADERS);
  }
  if (target.origin !== url.origin) dropHeaders(headers, CREDENTIAL_HEADERS);
  return { method, url: target.href, headers, body };
}

function dropHeaders(headers: Record<string, string>, names: readonly string[]): void {
  for (const key of Object.keys(headers)) if (names.includes(key.toLowerCase())) delete headers[key];
}

/** Bytes as text the way `Response.text()` reads them: UTF-8, a leading byte-order mark dropped. */
function utf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

type Decoder = (input: Buffer, done: (error: Error | null, result: Buffer) => void) => void;

/**
 * Undoes the content codings as Node's fetch does: last applied first, flushing leniently (a
 * compressed body cut short yields what arrived, and the JSON reader then finds it incomplete),
 * and not at all when any coding is one it does not know (the body is then handed over as sent).
 */
async function decode(body: Buffer, header: string): Promise<Buffer> {
  const codings = header.toLowerCase().split(',');
  if (codings.length > MAX_CODINGS) {
    throw fetchFailed(
      new Error(
        `too many content-encodings in response: ${codings.length}, maximum allowed is ${MAX_CODINGS}`,
      ),
    );
  }
  const zlib = process.getBuiltinModule('node:zlib') as typeof NodeZlib;
  const { Z_SYNC_FLUSH, BROTLI_OPERATION_FLUSH, ZSTD_e_continue, ZSTD_e_end } = zlib.constants;
  const lenient = { flush: Z_SYNC_FLUSH, finishFlush: Z_SYNC_FLUSH };
  const steps: Decoder[] = [];
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = (codings[i] as string).trim();
    if (coding === 'gzip' || coding === 'x-gzip') {
      steps.push((b, done) => zlib.gunzip(b, lenient, done));
    } else if (coding === 'deflate') {
      // A zlib stream starts with a CMF byte whose low bits say "deflate"; otherwise it is raw.
      steps.push((b, done) =>
        ((b[0] ?? 0) & 0x0f) === 0x08 ? zlib.inflate(b, lenient, done) : zlib.inflateRaw(b, lenient, done),
      );
    } else if (coding === 'br') {
      const options = { flush: BROTLI_OPERATION_FLUSH, finishFlush: BROTLI_OPERATION_FLUSH };
      steps.push((b, done) => zlib.brotliDecompress(b, options, done));
    } else if (coding === 'zstd' && FETCH_DECODES_ZSTD && typeof zlib.zstdDecompress === 'function') {
      const options = { flush: ZSTD_e_continue, finishFlush: ZSTD_e_end };
      steps.push((b, done) => zlib.zstdDecompress(b, options, done));
    } else {
      return body;
    }
  }
  let out = body;
  for (const step of steps) {
    out = await new Promise<Buffer>((resolve, reject) =>
      step(out, (error, result) => (error ? reject(error) : resolve(result))),
    );
  }
  return out;
}
