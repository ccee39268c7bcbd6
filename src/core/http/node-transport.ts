/**
 * crosstune's own HTTP handler, the default way a request leaves: node:http / node:https through
 * Node's global agent (keep-alive, and whatever the application set on `https.globalAgent`: a CA,
 * `NODE_USE_ENV_PROXY`). It does only what signed JSON APIs need: asks for gzip, deflate or br and
 * undoes them, follows no redirect (a 3xx is an answer like any other), refuses an answer larger
 * than the cap, and on abort destroys the request, so the socket is closed and never reused.
 *
 * The modules come from `process.getBuiltinModule`, not `import`: importing `node:http` as an ES
 * module reads every export, and its lazy `WebSocket` getter loads undici (~35 ms). `request` is
 * read from the module object on every call, so interceptors that patch it (msw) see every request.
 */
import type * as NodeHttp from 'node:http';
import type { Transform } from 'node:stream';
import type * as NodeZlib from 'node:zlib';
import { fromRawHeaders, type HttpRequest, type HttpResponse, UnreadableBody } from './message.js';

/** The codings crosstune asks for; it undoes exactly these. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** What node:http and node:https have alike: `request`, through their global agents by default. */
interface HttpModule {
  request(options: NodeHttp.RequestOptions): NodeHttp.ClientRequest;
}

function moduleFor(protocol: string): HttpModule {
  if (protocol === 'https:') return process.getBuiltinModule('node:https') as HttpModule;
  if (protocol === 'http:') return process.getBuiltinModule('node:http') as HttpModule;
  throw new TypeError(`Only http: and https: URLs can be sent, not ${protocol}`);
}

/** A decoder for the coding the answer names; undefined for none, null for one never asked for. */
function decoderFor(coding: string | undefined): Transform | undefined | null {
  const name = coding?.trim().toLowerCase();
  if (!name || name === 'identity') return undefined;
  const zlib = process.getBuiltinModule('node:zlib') as typeof NodeZlib;
  if (name === 'gzip' || name === 'x-gzip') return zlib.createGunzip();
  // "deflate" is the zlib format (RFC 9110 §8.4.1.2); an answer in raw deflate fails as broken.
  if (name === 'deflate') return zlib.createInflate();
  if (name === 'br') return zlib.createBrotliDecompress();
  return null;
}

function headersToSend(request: HttpRequest): Record<string, string | number> {
  const headers: Record<string, string | number> = { 'accept-encoding': ACCEPT_ENCODING };
  for (const name in request.headers) {
    // Leading and trailing whitespace is not part of a field value (RFC 9110 §5.5); a token read
    // from a file ends in "\n", which node:http would refuse outright.
    headers[name] = (request.headers[name] as string).trim();
  }
  // Stryker disable BlockStatement: node:http itself sends Content-Length: 0 for a POST or PUT ended without a body (test/core/transport-edges.test.ts sees it either way); said here so no version or interceptor is relied on.
  if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
  else {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: as above.
    if (request.method === 'POST' || request.method === 'PUT') headers['content-length'] = 0;
  }
  // Stryker restore BlockStatement
  return headers;
}

/** UTF-8 text of the body; a leading byte-order mark is not part of the JSON. */
function text(chunks: Buffer[]): string {
  const body =
    // Stryker disable next-line ConditionalExpression: concatenating one chunk gives the same text; this only skips a copy.
    chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
  return body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
}

export function sendNodeHttp(
  request: HttpRequest,
  signal: AbortSignal,
  maxBytes: number,
): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let req: NodeHttp.ClientRequest;
    let settled = false;
    const finish = (error: unknown, response?: HttpResponse) => {
      // Stryker disable next-line ConditionalExpression: a promise settles once, and a second finish could only remove a listener already removed and destroy a request already destroyed.
      if (settled) return;
      // Stryker disable next-line BooleanLiteral: as above, a second finish changes nothing.
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (response) resolve(response);
      else {
        reject(error);
        // The socket may hold the rest of an answer nobody will read: close it, never reuse it.
        // Stryker disable next-line OptionalChaining: req is unset only when building it threw; the TypeError then thrown in the promise's executor is swallowed, the promise being rejected already.
        req?.destroy();
      }
    };
    const onAbort = () => finish(signal.reason);
    try {
      const url = new URL(request.url);
      req = moduleFor(url.protocol).request({
        protocol: url.protocol,
        // An IPv6 literal without its brackets, as node:http wants it.
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: headersToSend(request),
      });
    } catch (error) {
      // A URL that does not parse, or a header value node:http refuses (ERR_INVALID_CHAR).
      finish(error);
      return;
    }
    req.on('error', (error) => finish(error));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const coding = res.headers['content-encoding'];
      const decoder = decoderFor(coding);
      if (decoder === null) {
        finish(
          new UnreadableBody('undecodable', `The answer is in the ${coding} coding, which was not asked for`),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const keep = (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes)
          finish(new UnreadableBody('too-large', `The answer is larger than ${maxBytes} bytes`));
        else chunks.push(chunk);
      };
      const done = () =>
        finish(undefined, { status, headers: fromRawHeaders(res.rawHeaders), body: text(chunks) });
      // A connection lost before the body's end: node:http destroys `res`, with or without an error.
      const lost = (cause?: unknown) =>
        finish(
          Object.assign(new Error('The connection closed before the answer ended', { cause }), {
            code: 'ECONNRESET',
          }),
        );
      res.on('error', lost);
      res.on('close', () => {
        if (!res.complete) lost();
      });
      if (!decoder) {
        res.on('data', keep);
        res.on('end', done);
        return;
      }
      let raw = 0;
      res.on('data', (chunk: Buffer) => {
        raw += chunk.length;
        if (raw > maxBytes)
          finish(new UnreadableBody('too-large', `The answer is larger than ${maxBytes} bytes`));
        else decoder.write(chunk);
      });
      // An empty body (a 204, a HEAD) names a coding but holds nothing to undo.
      res.on('end', () => (raw === 0 ? done() : decoder.end()));
      decoder.on('data', keep);
      decoder.on('end', done);
      decoder.on('error', (cause) =>
        finish(new UnreadableBody('undecodable', `The answer's ${coding} coding is broken`, { cause })),
      );
    });
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: finish removes the listener whatever ends the call, so `once` changes nothing.
    signal.addEventListener('abort', onAbort, { once: true });
    req.end(request.body);
  });
}
