/**
 * PAI's credentials and request signing. The signature is ACS3-HMAC-SHA256 computed by Alibaba's
 * own code, `@alicloud/openapi-util`'s `getAuthorization` (what `@alicloud/openapi-client` calls),
 * over the headers that client sends; crosstune only assembles the request and sends it through
 * its own transport. Both Alibaba packages are loaded on first use, not at import: the signer
 * when the first request is signed, `@alicloud/credentials` only for its default chain.
 *
 * Credentials: explicit keys (with `securityToken` for STS), a provider function, or the default
 * chain of `@alicloud/credentials` (environment, OIDC, CLI profile, credentials file, ECS RAM
 * role, credentials URI). The secret and the token are registered for redaction as soon as they
 * are resolved.
 */
import { randomBytes } from 'node:crypto';
import { AuthenticationError } from '../../core/errors.js';
import type { HttpRequest } from '../../core/http/message.js';
import { percentEncode } from '../../core/http/url.js';
import { registerSecret } from '../../core/redact.js';
import { defaultClass } from './interop.js';

/** An Alibaba Cloud AccessKey pair; `securityToken` for STS credentials. */
export interface AlibabaCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** An STS token, for temporary credentials. */
  securityToken?: string | undefined;
}

/** A function giving Alibaba Cloud credentials, called for every request (cache in it if needed). */
export type AlibabaCredentialProvider = () => Promise<AlibabaCredentials>;

export const API_VERSION = '2022-08-28';
const ALGORITHM = 'ACS3-HMAC-SHA256';

interface Resolved extends AlibabaCredentials {
  /** Sent as `x-acs-credentials-provider`, as Alibaba's client does. */
  providerName: string;
}

/** Where the signer gets its credentials, and how it is told that PAI refused them. */
export interface CredentialSource {
  get(): Promise<Resolved>;
  /** Forgets what is held; true when the next `get` may give other credentials. */
  renew(): boolean;
}

export function credentialSource(
  credentials: AlibabaCredentials | AlibabaCredentialProvider | undefined,
): CredentialSource {
  if (typeof credentials === 'function') {
    return { get: async () => ({ ...(await credentials()), providerName: 'crosstune' }), renew: () => true };
  }
  if (credentials) {
    const providerName = credentials.securityToken ? 'static_sts' : 'static_ak';
    return { get: async () => ({ ...credentials, providerName }), renew: () => false };
  }
  // Built on first use: the chain reads environment variables and files when it is constructed,
  // and renewing builds it again.
  type Chain = { getCredentials(): Promise<Resolved> };
  let chain: Promise<Chain> | undefined;
  return {
    async get() {
      chain ??= import('@alicloud/credentials').then(
        (m) => m.DefaultCredentialsProvider.builder().build() as Chain,
      );
      return (await chain).getCredentials();
    },
    renew() {
      chain = undefined;
      return true;
    },
  };
}

/** The credentials to sign with; failing to get them is an AuthenticationError, never retried. */
async function resolve(source: CredentialSource): Promise<Resolved> {
  let found: Resolved;
  try {
    found = await source.get();
  } catch (cause) {
    throw new AuthenticationError(
      `No Alibaba Cloud credentials: ${cause instanceof Error ? cause.message : String(cause)}`,
      { provider: 'pai', cause },
    );
  }
  if (!found?.accessKeyId || !found.accessKeySecret) {
    throw new AuthenticationError('The Alibaba Cloud credentials lack an AccessKey id or secret', {
      provider: 'pai',
    });
  }
  registerSecret(found.accessKeySecret);
  registerSecret(found.securityToken);
  return found;
}

interface OpenApiUtil {
  getTimestamp(): string;
  hash(raw: Buffer, algorithm: string): Buffer;
  hexEncode(raw: Buffer): string;
  getAuthorization(
    request: {
      method: string;
      pathname: string;
      query: Record<string, string>;
      headers: Record<string, string>;
    },
    algorithm: string,
    payloadHash: string,
    accessKeyId: string,
    accessKeySecret: string,
  ): string;
}

let util: Promise<OpenApiUtil> | undefined;
const openApiUtil = () => {
  util ??= import('@alicloud/openapi-util').then((m) => defaultClass<OpenApiUtil>(m));
  return util;
};

/** One PAI operation as Alibaba's client describes it: a ROA call, already percent-encoded. */
export interface RoaCall {
  action: string;
  method: 'GET' | 'POST' | 'PUT';
  /** Percent-encoded, as sent. */
  pathname: string;
  query?: Record<string, string> | undefined;
  /** JSON text. */
  body?: string | undefined;
}

/** Signs PAI requests for one endpoint (`host` as in the URL: name, and port when not the default). */
export function createSigner(origin: string, credentials: CredentialSource) {
  const host = new URL(origin).host;
  return async function sign(call: RoaCall): Promise<HttpRequest> {
    const [found, util] = await Promise.all([resolve(credentials), openApiUtil()]);
    const query = call.query ?? {};
    // The headers Alibaba's openapi-client (doRequest, ACS3) sends, built the same way.
    const headers: Record<string, string> = {
      host,
      'x-acs-version': API_VERSION,
      'x-acs-action': call.action,
      'user-agent': 'crosstune',
      'x-acs-date': util.getTimestamp(),
      'x-acs-signature-nonce': randomBytes(16).toString('hex'),
      accept: 'application/json',
      'x-acs-credentials-provider': found.providerName,
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    headers['x-acs-content-sha256'] = util.hexEncode(
      util.hash(Buffer.from(call.body ?? '', 'utf8'), ALGORITHM),
    );
    if (found.securityToken) {
      headers['x-acs-accesskey-id'] = found.accessKeyId;
      headers['x-acs-security-token'] = found.securityToken;
    }
    headers.Authorization = util.getAuthorization(
      { method: call.method, pathname: call.pathname, query, headers },
      ALGORITHM,
      headers['x-acs-content-sha256'],
      found.accessKeyId,
      found.accessKeySecret,
    );
    // The transport sets `Host` from the URL (fetch refuses it as a header); it is the signed value.
    const { host: _host, ...sent } = headers;
    const search = Object.entries(query)
      .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
      .join('&');
    return {
      method: call.method,
      url: `${origin}${call.pathname}${search ? `?${search}` : ''}`,
      headers: sent,
      body: call.body,
    };
  };
}
