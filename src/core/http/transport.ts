/**
 * Sends one HTTP request. By default through `globalThis.fetch`, looked up on every call so that
 * a test's msw `server.listen()` intercepts it whenever it starts. An injected `fetch` wins; an
 * undici `dispatcher` (proxy, pool tuning) goes with undici's own fetch, because handing an npm
 * undici dispatcher to Node's bundled fetch fails on a version mismatch. undici is imported only
 * when a dispatcher is given: it would double the cold start of everyone else.
 */

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
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

export async function send(
  request: HttpRequest,
  transport: TransportOptions,
  signal: AbortSignal,
): Promise<HttpResponse> {
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
