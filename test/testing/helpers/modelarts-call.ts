/**
 * Plain ModelArts calls for tests, through globalThis.fetch: signed with crosstune's
 * SDK-HMAC-SHA256 signer functions (pinned to Huawei's published vectors) or sent with an IAM
 * token, so these tests check the fake against the protocol alone.
 */
import { sdkDate, signatureOf } from '../../../src/providers/modelarts/auth.js';
import {
  FAKE_HUAWEI_CREDENTIALS,
  type FakeHuaweiAccessKey,
  type ModelArtsFake,
} from '../../../src/testing/index.js';
import { type CallResult, callResult } from './call-result.js';

export interface ModelArtsCallOptions {
  /** `aksk` (default) signs; `{ token }` sends X-Auth-Token; `none` sends neither. */
  auth?: 'aksk' | 'none' | { token: string };
  credentials?: FakeHuaweiAccessKey;
  /** X-Sdk-Date; default the fake's virtual time. */
  date?: Date;
  query?: Record<string, string | number>;
  /** A JSON body (sent with `application/json`), or raw text. */
  body?: unknown;
  /** Headers set before signing (and signed); `null` removes a default one. */
  headers?: Record<string, string | null>;
  /** The SignedHeaders list to sign and announce instead of every header sent. */
  signedHeaders?: string[];
  /** Sign with this secret instead of the key's. */
  secret?: string;
  /** Replace the body after signing, to simulate tampering in transit. */
  tamperedBody?: string;
  /** Sign, then drop these headers. */
  dropAfterSigning?: string[];
  /** Use another origin than the fake's endpoint (e.g. its IAM endpoint). */
  origin?: string;
  signal?: AbortSignal;
}

export type { CallResult };

/** ModelArts' and APIG's error bodies, and IAM's Keystone one. */
export interface ErrorBody {
  error_code?: string;
  error_msg?: string;
  error_solution?: string;
  request_id?: string;
  error?: { code: number; message: string; title: string };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely.
export type Json = any;

export async function callModelArts<T = Json>(
  fake: ModelArtsFake,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: ModelArtsCallOptions = {},
): Promise<CallResult<T>> {
  const url = new URL(path, options.origin ?? fake.endpoint);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
  const body =
    options.body === undefined
      ? ''
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = {};
  if (body !== '') headers['content-type'] = 'application/json';
  const auth = options.auth ?? 'aksk';
  if (typeof auth === 'object') headers['x-auth-token'] = auth.token;
  if (auth === 'aksk') {
    const keys = options.credentials ?? FAKE_HUAWEI_CREDENTIALS;
    headers['x-sdk-date'] = sdkDate(options.date ?? new Date());
    if (keys.securityToken !== undefined) headers['x-security-token'] = keys.securityToken;
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  if (auth === 'aksk') {
    const keys = options.credentials ?? FAKE_HUAWEI_CREDENTIALS;
    const signed = options.signedHeaders ?? ['host', ...Object.keys(headers)].sort();
    const signature = signatureOf(
      { method, url: url.href, headers, body },
      signed,
      options.secret ?? keys.secretAccessKey,
      headers['x-sdk-date'] ?? '',
    );
    headers.authorization = `SDK-HMAC-SHA256 Access=${keys.accessKeyId}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
  }
  for (const name of options.dropAfterSigning ?? []) delete headers[name];
  const sent = options.tamperedBody ?? body;
  const response = await fetch(url, {
    method,
    headers,
    body: method === 'GET' || sent === '' ? undefined : sent,
    signal: options.signal,
  });
  return callResult<T>(response);
}

/** `/v2/{project}/training-jobs[/{id}[suffix]]` of the fake's project (or another). */
export function jobsPath(fake: ModelArtsFake, id?: string, suffix = '', projectId = fake.projectId): string {
  return `/v2/${projectId}/training-jobs${id === undefined ? '' : `/${encodeURIComponent(id)}${suffix}`}`;
}

export function searchPath(fake: ModelArtsFake): string {
  return `/v2/${fake.projectId}/training-job-searches`;
}

/** A token from the fake's IAM, the way a client gets one (password, project scope by region name). */
export async function iamToken(fake: ModelArtsFake, scope: unknown = { project: { name: fake.region } }) {
  const answer = await callModelArts(fake, 'POST', '/v3/auth/tokens', {
    origin: fake.iamEndpoint,
    auth: 'none',
    body: passwordBody(scope),
  });
  return { ...answer, token: answer.headers.get('x-subject-token') ?? '' };
}

export function passwordBody(
  scope: unknown,
  user = { name: 'crosstune-fake-user', password: 'crosstune-fake-password' },
) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { ...user, domain: { name: 'crosstune-fake-account' } } },
      },
      ...(scope === undefined ? {} : { scope }),
    },
  };
}
