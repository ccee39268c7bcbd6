/**
 * Sending through Alibaba's own runtime (`@alicloud/openapi-client` → tea → httpx → node:http),
 * which builds the ROA request and computes the ACS3-HMAC-SHA256 signature. It is wrapped so
 * that PAI behaves like every other cloud in crosstune:
 * - one attempt per call (`autoretry: false`); retries are the shared policy's, in core execute;
 * - its connect/read timers get the call's per-attempt time limit instead of httpx's 3 s;
 * - the runtime takes no AbortSignal, so the call races the attempt's signal and gives up on
 *   the request when it fires (the socket is released by the runtime's own timer);
 * - the Error it throws on HTTP 4xx/5xx becomes an ordinary error response again, so the same
 *   mapping reads it as reads an HTTP 200 carrying an error `Code`.
 * Bodies are read as text (`bodyType: 'string'`) and checked by crosstune's own wire schemas.
 */
import * as openapi from '@alicloud/openapi-client';
import type { ErrorDetails } from '../../core/errors.js';
import { fromHeaderRecord } from '../../core/http/headers.js';
import type { HttpResponse } from '../../core/http/transport.js';
import { isRuntimeResponseError, runtimeFailure } from './errors.js';
import { defaultClass } from './interop.js';

export const API_VERSION = '2022-08-28';

export interface RuntimeCall {
  action: string;
  method: 'GET' | 'POST' | 'PUT';
  /** Already percent-encoded. */
  pathname: string;
  query?: Record<string, string> | undefined;
  body?: Record<string, unknown> | undefined;
}

interface RuntimeResult {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface RuntimeClient {
  callApi(params: unknown, request: unknown, runtime: unknown): Promise<RuntimeResult>;
}

type ClientClass = new (config: openapi.Config) => RuntimeClient;

export interface Target {
  /** Host and port, as the runtime puts it in the URL and the signed `host` header. */
  host: string;
  protocol: 'https' | 'http';
}

/** `paiautoml.cn-hangzhou.aliyuncs.com`, `https://host:port` or `http://127.0.0.1:port` (a loopback fake). */
export function parseEndpoint(endpoint: string): Target {
  if (/^https?:\/\//i.test(endpoint)) {
    const url = new URL(endpoint);
    return { host: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' };
  }
  return { host: endpoint.replace(/\/+$/, ''), protocol: 'https' };
}

export function createRuntimeClient(target: Target, credential: unknown): RuntimeClient {
  const Client = defaultClass<ClientClass>(openapi);
  return new Client(
    new openapi.Config({
      endpoint: target.host,
      protocol: target.protocol,
      // The runtime's own type is the @alicloud/credentials class; any object with getCredential() serves.
      credential: credential as openapi.Config['credential'],
      userAgent: 'crosstune',
    }),
  );
}

export async function sendThroughRuntime(
  client: RuntimeClient,
  call: RuntimeCall,
  signal: AbortSignal,
  timeoutMs: number,
  details: ErrorDetails,
): Promise<HttpResponse> {
  const params = new openapi.Params({
    action: call.action,
    version: API_VERSION,
    protocol: 'HTTPS',
    pathname: call.pathname,
    method: call.method,
    authType: 'AK',
    style: 'ROA',
    reqBodyType: 'json',
    bodyType: 'string',
  });
  const request = new openapi.OpenApiRequest({ query: call.query, body: call.body });
  const runtime = { autoretry: false, maxAttempts: 1, readTimeout: timeoutMs, connectTimeout: timeoutMs };
  let result: RuntimeResult;
  try {
    result = await abortable(client.callApi(params, request, runtime), signal);
  } catch (error) {
    if (isRuntimeResponseError(error)) {
      const { statusCode: _status, ...body } = error.data;
      return { status: error.statusCode, headers: fromHeaderRecord({}), body: JSON.stringify(body) };
    }
    throw runtimeFailure(error, details) ?? error;
  }
  return {
    status: result.statusCode,
    headers: fromHeaderRecord(result.headers),
    body: typeof result.body === 'string' ? result.body : JSON.stringify(result.body ?? ''),
  };
}

function abortable<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    pending.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      // The request goes on until its own timer ends it; its outcome no longer matters.
      pending.catch(() => undefined);
      reject(signal.reason);
    };
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
