/**
 * Serves msw request handlers over a real HTTP server on 127.0.0.1, for HTTP clients msw cannot
 * see (e.g. direct undici use) and for benchmarks that should pay real socket costs. Several
 * fakes' handlers can share one server (`[...sagemaker.handlers, ...pai.handlers]`): each fake
 * claims loopback requests by their content — SageMaker by X-Amz-Target, PAI by its
 * `/api/automl/v1/` paths — and the first handler that claims a request answers it.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { LOOPBACK_BODY_HEADER } from './engine/request-body.js';

/** A running loopback server (see `startLoopbackServer`). */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` — point a client's endpoint here. */
  readonly url: string;
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
}

/** Hop-by-hop headers describe the msw-side Response, not the bytes this server writes. */
const SKIPPED_RESPONSE_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * Serves msw handlers over real HTTP on 127.0.0.1 (never all interfaces), on an ephemeral port
 * unless `port` is given: for clients msw cannot see (undici used directly, another process) and
 * for benchmarks that should pay real socket costs.
 *
 * @example
 * ```ts
 * import { sagemaker } from 'crosstune/sagemaker';
 * import { FAKE_AWS_CREDENTIALS, sagemakerFake, startLoopbackServer } from 'crosstune/testing/sagemaker';
 *
 * const fake = sagemakerFake();
 * const server = await startLoopbackServer(fake.handlers);
 * const cloud = sagemaker({ region: fake.region, endpoint: server.url, credentials: FAKE_AWS_CREDENTIALS });
 * console.log(await cloud.experiments.list().toArray());
 * await server.close();
 * ```
 */
export async function startLoopbackServer(
  handlers: readonly RequestHandler[],
  options: { port?: number } = {},
): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    serve(handlers, req, res, (server.address() as AddressInfo).port).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(
        `crosstune loopback: handler failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(
  handlers: readonly RequestHandler[],
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
): Promise<void> {
  const request = await toFetchRequest(req, port);
  const response = await getResponse([...handlers], request);
  if (response === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end(`crosstune loopback: no handler for ${request.method} ${request.url}`);
    return;
  }
  // HttpResponse.error() is msw's network error; over a socket the faithful rendering is a reset.
  if (response.type === 'error') {
    req.socket.resetAndDestroy();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!SKIPPED_RESPONSE_HEADERS.has(name)) headers[name] = value;
  });
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
}

async function toFetchRequest(req: IncomingMessage, port: number): Promise<Request> {
  // The URL the client addressed, from Host as any server reads it: this server's own address,
  // unless a reverse proxy that keeps Host stands in front of it — then signatures over the host
  // (ModelArts' is over the URL's) are checked against the one the client signed.
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `127.0.0.1:${port}`}`);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    if (name !== undefined && value !== undefined) headers.append(name, value);
  }
  const method = req.method ?? 'GET';
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // A Request cannot carry a GET body; the fakes read it from this header (request-body.ts).
  if (!hasBody && bytes.length > 0) headers.set(LOOPBACK_BODY_HEADER, bytes.toString('base64'));
  // A Uint8Array body, unlike a string, makes Request add no content-type of its own.
  return new Request(url, { method, headers, body: hasBody ? new Uint8Array(bytes) : undefined });
}
