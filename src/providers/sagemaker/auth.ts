/**
 * SigV4 signing with @smithy/signature-v4. Credentials are explicit (incl. a session token), a
 * provider function, or — when none are given — the AWS default chain, imported only then so
 * users who pass credentials never load it.
 */
import { createHash, createHmac, createSecretKey, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '../../core/http/transport.js';
import { registerSecret } from '../../core/redact.js';

/** AWS access keys; `sessionToken` for temporary ones. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  /** When temporary credentials stop working; a provider function is asked again 5 minutes before. */
  expiration?: Date | undefined;
}

/** A function giving AWS credentials: called once, and again near `expiration`, after a failure or a refusal. */
export type AwsCredentialProvider = () => Promise<AwsCredentials>;

const SERVICE = 'sagemaker';

/**
 * The hash the signer asks for, on node:crypto directly: @smithy/hash-node is now a deprecated
 * re-export of @smithy/core, and going through it makes every signature about 20% slower.
 */
type SourceData = string | ArrayBuffer | ArrayBufferView;

const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

/**
 * HMAC keys as KeyObjects: on Node 24 `createHmac` with a Uint8Array key costs ~20 µs, with a
 * KeyObject ~4 µs (+1.5 µs to make it), and a signature takes one HMAC with a fresh key.
 */
const keyOf = (secret: SourceData) => {
  const raw = bytes(secret);
  return createSecretKey(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw);
};

class Sha256 {
  readonly #hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', keyOf(secret));
  }
  update(data: SourceData): void {
    this.#hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return this.#hash.digest();
  }
}

/** Temporary credentials are asked for again this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/** Where the signer gets its credentials, and how it is told that the cloud refused them. */
export interface CredentialSource {
  get: AwsCredentialProvider;
  /** Forgets what is held; true when the next `get` may give other credentials. */
  renew(): boolean;
}

/** Calls `provider` once, and again when what it gave is about to expire, failed, or was refused. */
function cached(provider: AwsCredentialProvider): CredentialSource {
  let current: Promise<AwsCredentials> | undefined;
  return {
    async get() {
      const held = current && (await current.catch(() => undefined));
      if (held && (!held.expiration || held.expiration.getTime() - Date.now() > REFRESH_MARGIN_MS))
        return held;
      current = provider();
      return current;
    },
    renew() {
      current = undefined;
      return true;
    },
  };
}

export function credentialSource(
  credentials: AwsCredentials | AwsCredentialProvider | undefined,
): CredentialSource {
  if (typeof credentials === 'function') return cached(credentials);
  if (credentials) {
    const fixed = credentials;
    return { get: async () => fixed, renew: () => false };
  }
  // The AWS default chain, imported only when used; renewing builds a new one, which reads the
  // environment, files and instance metadata again.
  let chain: Promise<AwsCredentialProvider> | undefined;
  return {
    async get() {
      // The chain every AWS SDK client uses by default, from its own small package rather than
      // @aws-sdk/credential-providers (which adds Cognito and the rest, unused here).
      chain ??= import('@aws-sdk/credential-provider-node').then(
        (m) => m.defaultProvider() as AwsCredentialProvider,
      );
      return (await chain)();
    },
    renew() {
      chain = undefined;
      return true;
    },
  };
}

/** Signs requests for one region; credentials are resolved (and their secrets registered for redaction) per request. */
export function createSigner(
  region: string,
  credentials: AwsCredentialProvider,
  now: () => Date = () => new Date(),
) {
  const signer = new SignatureV4({
    service: SERVICE,
    region,
    sha256: Sha256,
    credentials: async () => {
      const resolved = await credentials();
      registerSecret(resolved.secretAccessKey);
      registerSecret(resolved.sessionToken);
      return resolved;
    },
  });
  return async function sign(request: HttpRequest): Promise<HttpRequest> {
    const url = new URL(request.url);
    const signed = await signer.sign(
      {
        method: request.method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: { ...request.headers, host: url.host },
        body: request.body,
      },
      { signingDate: now() },
    );
    // `host` is set by fetch itself from the URL; sending it explicitly is refused by undici.
    const { host: _host, ...headers } = signed.headers as Record<string, string>;
    return { ...request, headers };
  };
}
