/**
 * Sends one HTTP request. Which way (see docs/architecture.md#transport):
 * - an injected `fetch` wins;
 * - an undici `dispatcher` (proxy, pool tuning) goes with undici's own fetch, imported only then:
 *   handing an npm undici dispatcher to Node's bundled fetch fails on a version mismatch, and
 *   undici would double the cold start of everyone else;
 * - otherwise `globalThis.fetch`, looked up on every call so that a test's msw `server.listen()`
 *   or a spy intercepts it whenever it starts — unless it is still Node's own fetch, untouched:
 *   then node:http(s) with a keep-alive agent (node-transport.ts), which answers alike, costs
 *   less per request and loads no undici at a cold start.
 */
import type { ResponseHeaders } from './headers.js';
import { sendNodeHttp } from './node-transport.js';

export type { ResponseHeaders } from './headers.js';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

export interface HttpResponse {
  status: number;
  /** Looked up by name, case-insensitively; a fetch `Headers` object is one. */
  headers: ResponseHeaders;
  body: string;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** A fetch implementation to use instead of `globalThis.fetch`. */
  fetch?: FetchLike | undefined;
  /** An undici `Dispatcher` (e.g. `new ProxyAgent(url)`, `new Agent({ connections })`), used with undici's fetch. */
  dispatcher?: unknown;
}

let undiciFetch: Promise<FetchLike> | undefined;

function loadUndiciFetch(): Promise<FetchLike> {
  undiciFetch ??= import('undici').then((undici) => undici.fetch as unknown as FetchLike);
  return undiciFetch;
}

/** The global fetch when this module loaded, and whether it was Node's own. */
const initialFetch: unknown = globalThis.fetch;
const initialIsNodeFetch = isNodeFetch(initialFetch);

/**
 * Node defines its fetch in JavaScript, as a stub that requires its bundled undici on first use
 * (the same text in Node 20 and 24); no wrapper or replacement (msw, a spy, a polyfill) can
 * require Node's internal modules. Should a later Node word it otherwise, the fetch path is kept:
 * slower, never wrong.
 */
function isNodeFetch(value: unknown): boolean {
  return (
    typeof value === 'function' &&
    Function.prototype.toString.call(value).includes("require('internal/deps/undici/undici')")
  );
}

/**
 * Where undici keeps the global dispatcher: Node's bundled fetch reads `.1`; npm undici 8 (even
 * when merely imported) writes its dispatcher under `.2` and a wrapper of it under `.1`.
 */
const DISPATCHER = Symbol.for('undici.globalDispatcher.2');
const LEGACY_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

const nameOf = (value: unknown) => (value as { constructor?: { name?: string } }).constructor?.name;

/**
 * An `Agent` as undici makes one by default: no connect/TLS options (a custom CA, a socket path,
 * `rejectUnauthorized`), no other option, not composed with interceptors. Anything else was set
 * up on purpose and must keep applying, so it keeps the fetch path. An agent whose options cannot
 * be read (a future undici) counts as set up on purpose.
 */
function isPlainAgent(value: unknown): boolean {
  if (value === undefined) return true;
  if (nameOf(value) !== 'Agent') return false;
  const agent = value as Record<string | symbol, unknown> & { dispatch?: unknown };
  if (agent.dispatch !== (Object.getPrototypeOf(agent) as { dispatch?: unknown } | null)?.dispatch)
    return false;
  const key = Object.getOwnPropertySymbols(agent).find((symbol) => symbol.description === 'options');
  const options = key === undefined ? undefined : agent[key];
  if (typeof options !== 'object' || options === null) return false;
  const { maxOrigins, connect, tls, ...rest } = options as Record<string, unknown>;
  return (
    (maxOrigins === undefined || maxOrigins === Number.POSITIVE_INFINITY) &&
    connect === undefined &&
    tls === undefined &&
    Object.keys(rest).length === 0
  );
}

/**
 * Whether the default path may leave fetch for node:http: the global fetch is the one Node
 * installed and nobody replaced it since, and the global undici dispatcher that fetch would use
 * is none or a plain `Agent` (what Node's fetch, or importing npm undici, installs by itself; an
 * Agent with a custom CA or interceptors is not plain).
 * A `ProxyAgent`, `EnvHttpProxyAgent` (`NODE_USE_ENV_PROXY`), `MockAgent` or any other dispatcher
 * set with `setGlobalDispatcher` keeps the fetch path, so the proxy or the mocks apply as before.
 */
export function defaultIsNodeHttp(): boolean {
  if (!initialIsNodeFetch || globalThis.fetch !== initialFetch) return false;
  const global = globalThis as Record<symbol, unknown>;
  const current = global[DISPATCHER];
  const legacy = global[LEGACY_DISPATCHER];
  if (!isPlainAgent(current)) return false;
  return isPlainAgent(legacy) || (current !== undefined && nameOf(legacy) === 'Dispatcher1Wrapper');
}

export async function send(
  request: HttpRequest,
  transport: TransportOptions,
  signal: AbortSignal,
): Promise<HttpResponse> {
  if (!transport.fetch && !transport.dispatcher && defaultIsNodeHttp()) return sendNodeHttp(request, signal);
  const init: RequestInit & { dispatcher?: unknown } = {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal,
  };
  let fetchImpl: FetchLike;
  if (transport.fetch) {
    fetchImpl = transport.fetch;
  } else if (transport.dispatcher) {
    fetchImpl = await loadUndiciFetch();
    init.dispatcher = transport.dispatcher;
  } else {
    fetchImpl = globalThis.fetch as FetchLike;
  }
  const response = await fetchImpl(request.url, init);
  const body = await response.text();
  return { status: response.status, headers: response.headers, body };
}
