/**
 * A loopback HTTP proxy in front of a cloud's fake, scripted per case: each request is named
 * (the cloud operation it calls), counted, and then forwarded, answered in the proxy's own words
 * (the cloud never sees it), reset, held, or forwarded and its answer changed (the cloud acted,
 * the answer did not arrive as sent). It knows nothing of the fakes' own fault switches: faults
 * are bytes on a socket, as a gateway, a load balancer or a broken network would make them.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer as the proxy writes it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request the proxy saw: its operation, and which request of that operation it is (1 = first). */
export interface Seen {
  operation: string;
  nth: number;
  method: string;
  path: string;
}

/** What becomes of a forwarded request's answer. */
export type Edited =
  | Answer
  /** The connection is reset instead of answering. */
  | 'reset'
  /** The status line and headers promise the whole body; half of it comes, then the connection drops. */
  | 'cut'
  /** Nothing comes back until the client gives up. */
  | 'hang';

export type Action =
  | { do: 'forward' }
  /** Answered by the proxy; the cloud never sees the request. */
  | { do: 'answer'; answer: Answer }
  /** Reset before anything is forwarded. */
  | { do: 'reset' }
  /** Held without forwarding until the client gives up. */
  | { do: 'hang' }
  /** Forwarded — the cloud acts — and its answer changed. */
  | { do: 'edit'; edit(upstream: Answer): Edited };

export type Script = (seen: Seen) => Action;

/** Names a request by the cloud operation it calls. */
export type Classify = (method: string, path: string, headers: IncomingMessage['headers']) => string;

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: the client's endpoint. */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly seen: readonly Seen[];
  /** Requests per operation. */
  counts(): Record<string, number>;
  close(): Promise<void>;
}

/** Hop-by-hop headers describe one connection, not the answer; the proxy writes its own. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export async function startFaultProxy(
  upstream: string,
  classify: Classify,
  script: Script,
): Promise<FaultProxy> {
  const target = new URL(upstream);
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const operation = classify(method, path, req.headers);
    const entry: Seen = {
      operation,
      nth: seen.filter((s) => s.operation === operation).length + 1,
      method,
      path,
    };
    seen.push(entry);
    const action = script(entry);
    switch (action.do) {
      case 'answer':
        return write(res, action.answer);
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'hang':
        return;
      case 'forward':
        return write(res, await relay(req, method, path, body));
      case 'edit': {
        const upstream = await relay(req, method, path, body);
        const edited = action.edit(upstream);
        if (edited === 'hang') return;
        if (edited === 'reset') {
          req.socket.resetAndDestroy();
          return;
        }
        if (edited === 'cut') return cut(req, res, upstream);
        return write(res, edited);
      }
    }
  }

  /** The fake's answer to the request, as received. */
  function relay(req: IncomingMessage, method: string, path: string, body: Buffer): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      const out = forward(
        { host: target.hostname, port: target.port, method, path, headers: req.headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(answer.headers)) {
              if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = String(value);
            }
            resolve({
              status: answer.statusCode ?? 502,
              headers,
              body: Buffer.concat(parts).toString('utf8'),
            });
          });
          answer.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    counts() {
      const counts: Record<string, number> = {};
      for (const { operation } of seen) counts[operation] = (counts[operation] ?? 0) + 1;
      return counts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function write(res: ServerResponse, answer: Answer): void {
  const bytes = Buffer.from(answer.body, 'utf8');
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}

/** Promises the whole body, sends half, and drops the connection. */
function cut(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  const bytes = Buffer.from(answer.body, 'utf8');
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes.length) });
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
}
