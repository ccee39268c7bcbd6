/**
 * Plain signed PAI calls for tests: the signature comes from `@alicloud/openapi-util` (the
 * official runtime's signer) and the request goes through globalThis.fetch, so these tests check
 * the fake against the protocol alone, with an implementation independent of the fake's verifier.
 */
import { randomUUID } from 'node:crypto';
import OpenApiUtilModule from '@alicloud/openapi-util';
import { type AliyunCredentials, FAKE_ALIYUN_CREDENTIALS } from '../../../src/testing/index.js';
import { type CallResult, callResult } from './call-result.js';
import { cjsDefault } from './pai-cjs.js';

const OpenApiUtil = cjsDefault(OpenApiUtilModule);

export const PAI_ENDPOINT = 'https://paiautoml.cn-hangzhou.aliyuncs.com';
export const EXPERIMENTS = '/api/automl/v1/hpo/experiments';
export const experimentPath = (id: string, suffix = '') =>
  `/api/automl/v1/hpo/experiment/${encodeURIComponent(id)}${suffix}`;
export const trialPath = (id: string, trialId: string, suffix = '') =>
  experimentPath(id, `/trial/${encodeURIComponent(trialId)}${suffix}`);

export interface PaiCallOptions {
  endpoint?: string;
  credentials?: AliyunCredentials;
  /** `x-acs-action`; the operation the path names if not given. */
  action?: string;
  query?: Record<string, string | number>;
  /** A JSON body (sent with `application/json; charset=utf-8`), or raw text. */
  body?: unknown;
  /** Headers set before signing (and signed if x-acs-*); `null` removes one of the defaults. */
  headers?: Record<string, string | null>;
  /** Send without any Authorization header. */
  unsigned?: boolean;
  /** Replace the body after signing, to simulate tampering in transit. */
  tamperedBody?: string;
  /** Sign, then drop these headers (to send a request whose signed headers are missing). */
  dropAfterSigning?: string[];
  /** Sign, then add these headers (to send headers the signature does not cover). */
  addAfterSigning?: Record<string, string>;
  /** Sign, then append this to the query string. */
  queryAfterSigning?: string;
  signal?: AbortSignal;
}

export type { CallResult };

/** PAI's error body. */
export interface PaiErrorBody {
  RequestId: string;
  HostId?: string;
  Code: string;
  Message: string;
  Recommend?: string;
  AccessDeniedDetail?: Record<string, string>;
}

export async function callPai<T = PaiErrorBody & Record<string, unknown>>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: PaiCallOptions = {},
): Promise<CallResult<T>> {
  const url = new URL(path, options.endpoint ?? PAI_ENDPOINT);
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.query ?? {})) {
    query[key] = String(value);
    url.searchParams.set(key, String(value));
  }
  const body =
    options.body === undefined
      ? ''
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const credentials = options.credentials ?? FAKE_ALIYUN_CREDENTIALS;
  const headers: Record<string, string> = {
    host: url.host,
    'x-acs-version': '2022-08-28',
    'x-acs-action': options.action ?? actionOf(method, url.pathname),
    'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': randomUUID().replaceAll('-', ''),
    'x-acs-content-sha256': OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(body), 'ACS3-HMAC-SHA256')),
    accept: 'application/json',
  };
  if (body !== '') headers['content-type'] = 'application/json; charset=utf-8';
  if (credentials.securityToken !== undefined) {
    headers['x-acs-accesskey-id'] = credentials.accessKeyId;
    headers['x-acs-security-token'] = credentials.securityToken;
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  if (!options.unsigned) {
    const request = { pathname: url.pathname, method, query, headers };
    headers.authorization = OpenApiUtil.getAuthorization(
      request as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0],
      'ACS3-HMAC-SHA256',
      headers['x-acs-content-sha256'] as string,
      credentials.accessKeyId,
      credentials.accessKeySecret,
    );
  }
  for (const name of options.dropAfterSigning ?? []) delete headers[name];
  Object.assign(headers, options.addAfterSigning);
  if (options.queryAfterSigning !== undefined)
    url.search += `${url.search ? '&' : '?'}${options.queryAfterSigning}`;
  // fetch() sets Host itself from the URL.
  delete headers.host;
  const response = await fetch(url, {
    method,
    headers,
    body: method === 'GET' ? undefined : (options.tamperedBody ?? (body === '' ? undefined : body)),
    signal: options.signal,
  });
  return callResult<T>(response);
}

/** The x-acs-action a path and method name, so tests need not spell it out. */
function actionOf(method: string, path: string): string {
  const tail = path.replace(/^\/api\/automl\/v1\//, '');
  const rules: Array<[RegExp, string, string]> = [
    [/^hpo\/experiment$/, 'POST', 'CreateHpoExperiment'],
    [/^hpo\/experiments$/, 'GET', 'ListHpoExperiments'],
    [/^hpo\/experiment\/[^/]+$/, 'GET', 'GetHpoExperiment'],
    [/^hpo\/experiment\/[^/]+\/update$/, 'PUT', 'UpdateHpoExperiment'],
    [/^hpo\/experiment\/[^/]+\/stop$/, 'PUT', 'StopHpoExperiment'],
    [/^hpo\/experiment\/[^/]+\/delete$/, 'PUT', 'DeleteHpoExperiment'],
    [/^hpo\/experiment\/[^/]+\/logs$/, 'GET', 'ListHpoExperimentLogs'],
    [/^hpo\/experiment\/[^/]+\/trials$/, 'GET', 'ListHpoTrials'],
    [/^hpo\/experiment\/[^/]+\/trial\/[^/]+$/, 'GET', 'GetHpoTrial'],
    [/^hpo\/experiment\/[^/]+\/stop_trials$/, 'PUT', 'StopHpoTrials'],
    [/^hpo\/experiment\/[^/]+\/restart_trials$/, 'PUT', 'RestartHpoTrials'],
    [/^hpo\/experiment\/[^/]+\/trial\/[^/]+\/lognames$/, 'GET', 'ListHpoTrialLogNames'],
    [/^hpo\/experiment\/[^/]+\/trial\/[^/]+\/logs$/, 'GET', 'ListHpoTrialLogs'],
    [/^hpo\/experiment\/[^/]+\/trial\/[^/]+\/commands$/, 'GET', 'ListHpoTrialCommands'],
    [/^autofe\/experiment$/, 'POST', 'CreateAutofeExperiment'],
    [/^autofe\/experiment\/[^/]+$/, 'GET', 'GetAutofeExperiment'],
    [/^serviceidentityrole$/, 'GET', 'GetServiceIdentityRole'],
    [/^serviceidentityrole$/, 'POST', 'CreateServiceIdentityRole'],
  ];
  return rules.find(([pattern, m]) => m === method && pattern.test(tail))?.[2] ?? 'Unknown';
}
