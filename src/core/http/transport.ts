/**
 * Sends one HTTP request: the one way every cloud's requests leave (docs/architecture.md#transport).
 * - `fetch` given: that fetch;
 * - `dispatcher` given (a proxy, pool settings): undici's own fetch with it, imported only then —
 *   handing an npm undici dispatcher to Node's bundled fetch fails on a version mismatch, and
 *   loading undici would double everyone else's cold start;
 * - neither: crosstune's own node:http(s) handler (node-transport.ts).
 * On every path no redirect is followed, an answer larger than `maxResponseBytes` is refused, and
 * the call ends when `signal` aborts — even through a fetch that ignores its signal or never settles.
 */
import { type HttpRequest, type HttpResponse, NotAResponse, UnreadableBody } from './message.js';
import { sendNodeHttp } from './node-transport.js';

export type { HttpRequest, HttpResponse, ResponseHeaders } from './message.js';

/** A fetch-shaped function (the `fetch` client option): crosstune sends every request through it as given. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** A fetch to send with instead of crosstune's node:http handler (a test's spy, instrumentation). */
  fetch?: FetchLike | undefined;
  /** An undici `Dispatcher` (e.g. `new ProxyAgent(url)`), used with undici's own fetch. */
  dispatcher?: unknown;
  /** Answers larger than this (after decoding) are refused; default {@link DEFAULT_MAX_RESPONSE_BYTES}. */
  maxResponseBytes?: number | undefined;
}

/** 64 MiB: a hundred times the largest page any of the clouds sends. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

let undiciFetch: Promise<FetchLike> | undefined;

function loadUndiciFetch(): Promise<FetchLike> {
  undiciFetch ??= import('undici').then((undici) => undici.fetch as unknown as FetchLike);
  return undiciFetch;
}

export function send(
  request: HttpRequest,
  transport: TransportOptions,
  signal: AbortSignal,
): Promise<HttpResponse> {
  const maxBytes = transport.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (transport.fetch) return untilAborted(viaFetch(transport.fetch, request, signal, maxBytes), signal);
  if (transport.dispatcher) {
    const dispatcher = transport.dispatcher;
    const sent = loadUndiciFetch().then((fetch) => viaFetch(fetch, request, signal, maxBytes, dispatcher));
    return untilAborted(sent, signal);
  }
  return sendNodeHttp(request, signal, maxBytes);
}

async function viaFetch(
  fetch: FetchLike,
  request: HttpRequest,
  signal: AbortSignal,
  maxBytes: number,
  dispatcher?: unknown,
): Promise<HttpResponse> {
  const init: RequestInit & { dispatcher?: unknown } = {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal,
    redirect: 'manual',
  };
  if (dispatcher !== undefined) init.dispatcher = dispatcher;
  const response: unknown = await fetch(request.url, init);
  if (!isResponse(response)) {
    throw new NotAResponse(`The fetch option resolved with ${describe(response)}, not a Response`);
  }
  return { status: response.status, headers: response.headers, body: await readText(response, maxBytes) };
}

/**
 * What reading an answer relies on, checked by shape: undici's npm fetch (the dispatcher path) and
 * other fetches have Response classes of their own, so `instanceof Response` would refuse them.
 */
function isResponse(value: unknown): value is Response {
  if (typeof value !== 'object' || value === null) return false;
  const { status, headers, body } = value as {
    status?: unknown;
    headers?: { get?: unknown };
    body?: unknown;
  };
  return (
    // Stryker disable next-line ConditionalExpression: Number.isInteger is false for anything but a number; the typeof test only narrows the type.
    typeof status === 'number' &&
    Number.isInteger(status) &&
    typeof headers?.get === 'function' &&
    (body === null || body === undefined || typeof (body as { getReader?: unknown }).getReader === 'function')
  );
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
}

/** The body as UTF-8 text (a leading byte-order mark dropped, as TextDecoder does), within the cap. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw new UnreadableBody('too-large', `The answer is larger than ${maxBytes} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** `pending`, or the signal's reason as soon as it aborts, whichever comes first. */
function untilAborted<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      // Whatever the abandoned call does later no longer matters.
      pending.catch(() => undefined);
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the listener is removed once `pending` settles, and onAbort settles the promise, so `once` changes nothing.
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
