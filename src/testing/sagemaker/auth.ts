/**
 * SigV4 verification the way AWS does it: parse the Authorization header, look up the presented
 * access key, then re-sign the received request (same x-amz-date, same signed headers, same body)
 * with that key's secret and compare signatures. Rejections use the codes and texts AWS JSON
 * services answer with; where SageMaker's exact text is unknown the fake's is marked "chosen".
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { parseAuthorization } from '../engine/authorization.js';
import { type SageMakerWireError, SIGNATURE_MISMATCH_MESSAGE, wireErrors } from './errors.js';

/** A key pair the SageMaker fake accepts (its `credentials` option). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SigV4VerifierOptions {
  readonly credentials: readonly AwsCredentials[];
  readonly region: string;
  readonly service: string;
  /**
   * Wall-clock time. Clients sign with real time, so skew is judged against it and never against
   * the fake's virtual clock.
   */
  readonly now?: () => number;
}

/** AWS refuses signatures more than 15 minutes away from its own clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

const ALGORITHM = 'AWS4-HMAC-SHA256';

export class SigV4Verifier {
  readonly #options: SigV4VerifierOptions;
  readonly #now: () => number;

  constructor(options: SigV4VerifierOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Resolves to the error to answer with, or `undefined` when the request is authentic. */
  async verify(request: Request, body: string): Promise<SageMakerWireError | undefined> {
    const header = request.headers.get('authorization');
    if (header === null) return wireErrors.missingAuthenticationToken();
    const parsed = parseAuthorization(header);
    const amzDate = request.headers.get('x-amz-date');
    const missing = [
      ...(['Credential', 'Signature', 'SignedHeaders'] as const)
        .filter((p) => parsed.params[p] === undefined)
        .map((p) => `Authorization header requires '${p}' parameter.`),
      ...(amzDate === null
        ? ["Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."]
        : []),
    ];
    if (parsed.algorithm !== ALGORITHM) {
      return wireErrors.incompleteSignature(`Unsupported AWS 'algorithm': '${parsed.algorithm}'.`);
    }
    if (missing.length > 0 || amzDate === null) return wireErrors.incompleteSignature(missing.join(' '));
    const {
      Credential: credential,
      SignedHeaders: signedList,
      Signature: signature,
    } = parsed.params as Record<'Credential' | 'SignedHeaders' | 'Signature', string>;

    const scope = credential.split('/');
    if (scope.length !== 5) {
      return wireErrors.incompleteSignature(
        `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
      );
    }
    const [keyId, scopeDate, region, service, terminator] = scope as [string, string, string, string, string];
    if (terminator !== 'aws4_request') {
      return wireErrors.invalidSignature(
        `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`,
      );
    }
    const key = this.#options.credentials.find((c) => c.accessKeyId === keyId);
    if (key === undefined) return wireErrors.unrecognizedClient();
    if (service !== this.#options.service) {
      return wireErrors.invalidSignature(
        `Credential should be scoped to correct service: '${this.#options.service}'. `,
      );
    }
    if (region !== this.#options.region) {
      return wireErrors.invalidSignature('Credential should be scoped to a valid region. ');
    }

    const signedAt = parseAmzDate(amzDate);
    if (signedAt === undefined) {
      return wireErrors.incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
    }
    if (scopeDate !== amzDate.slice(0, 8)) {
      return wireErrors.invalidSignature(
        'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ' +
          `'${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
      );
    }
    const skewError = this.#checkSkew(amzDate, signedAt);
    if (skewError) return skewError;

    const presentedToken = request.headers.get('x-amz-security-token') ?? undefined;
    if (presentedToken !== key.sessionToken) return wireErrors.unrecognizedClient();

    const signedHeaders = signedList.split(';').filter((h) => h !== '');
    if (!signedHeaders.includes('host')) {
      return wireErrors.invalidSignature(
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      );
    }
    const expected = await this.#expectedSignature(request, body, key, {
      region,
      service,
      signedHeaders,
      signedAt,
    });
    return expected !== undefined && sameText(expected, signature)
      ? undefined
      : wireErrors.invalidSignature(SIGNATURE_MISMATCH_MESSAGE);
  }

  #checkSkew(amzDate: string, signedAt: Date): SageMakerWireError | undefined {
    const now = this.#now();
    if (signedAt.getTime() < now - MAX_CLOCK_SKEW_MS) {
      return wireErrors.invalidSignature(
        `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_CLOCK_SKEW_MS)} (${formatAmzDate(now)} - 15 min.)`,
      );
    }
    if (signedAt.getTime() > now + MAX_CLOCK_SKEW_MS) {
      return wireErrors.invalidSignature(
        `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_CLOCK_SKEW_MS)} (${formatAmzDate(now)} + 15 min.)`,
      );
    }
    return undefined;
  }

  async #expectedSignature(
    request: Request,
    body: string,
    key: AwsCredentials,
    scope: { region: string; service: string; signedHeaders: string[]; signedAt: Date },
  ): Promise<string | undefined> {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    for (const name of scope.signedHeaders) {
      // fetch() may keep the Host it derives from the URL out of the Request object.
      const value = request.headers.get(name) ?? (name === 'host' ? url.host : null);
      if (value === null) return undefined;
      headers[name] = value;
    }
    // The service hashes the body it received; a stale x-amz-content-sha256 cannot vouch for it.
    const declaredHash = headers['x-amz-content-sha256'];
    if (declaredHash !== undefined && declaredHash !== sha256Hex(body)) return undefined;
    const query: Record<string, string | string[]> = {};
    for (const [name, value] of url.searchParams) {
      const prior = query[name];
      query[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
    }
    const signer = new SignatureV4({
      service: scope.service,
      region: scope.region,
      credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
      sha256: Hash.bind(null, 'sha256'),
      applyChecksum: false,
    });
    const signed = await signer.sign(
      new HttpRequest({
        method: request.method,
        protocol: url.protocol,
        hostname: url.hostname,
        path: url.pathname,
        query,
        headers,
        body,
      }),
      { signingDate: scope.signedAt, signableHeaders: new Set(scope.signedHeaders) },
    );
    return /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1];
  }
}

function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
