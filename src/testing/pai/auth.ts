/**
 * ACS3-HMAC-SHA256 verification as Alibaba Cloud's gateway does it: parse the Authorization
 * header, look up the presented AccessKey, rebuild the canonical request from what was received
 * (method, raw path, re-encoded query, the signed headers, the SHA-256 of the body actually sent)
 * and compare signatures. Codes and texts are the gateway's common errors (see errors.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import { parseAuthorization } from '../engine/authorization.js';
import { ACS3_ALGORITHM, acs3Signature, canonicalRequest, sha256Hex, stringToSign } from './acs3.js';
import { FAKE_ALIYUN_USER_ID } from './constants.js';
import { type PaiWireError, wireErrors } from './errors.js';
import type { AliyunCredentials } from './types.js';

/** Who sent an authentic request. */
export interface Principal {
  readonly userId: string;
  readonly allowedActions: readonly string[] | undefined;
}

export const DEFAULT_PRINCIPAL: Principal = { userId: FAKE_ALIYUN_USER_ID, allowedActions: undefined };

/** The gateway refuses `x-acs-date` more than 15 minutes away from its own clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

const X_ACS_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const REQUIRED_HEADERS = ['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

export interface Acs3VerifierOptions {
  readonly credentials: readonly AliyunCredentials[];
  /** Wall-clock time: clients sign with real time, never with the fake's virtual clock. */
  readonly now?: () => number;
}

export class Acs3Verifier {
  readonly #credentials: readonly AliyunCredentials[];
  readonly #now: () => number;
  /** Nonces of authentic requests, with when they were seen, for replay detection. */
  readonly #nonces = new Map<string, number>();

  constructor(options: Acs3VerifierOptions) {
    this.#credentials = options.credentials;
    this.#now = options.now ?? Date.now;
  }

  /** The sender, or the error to answer with. */
  verify(request: Request, body: Uint8Array): Principal | PaiWireError {
    const header = request.headers.get('authorization');
    if (header === null) return wireErrors.incompleteSignature();
    const parsed = parseAuthorization(header);
    const { Credential: keyId, SignedHeaders: signedList, Signature: signature } = parsed.params;
    if (parsed.algorithm !== ACS3_ALGORITHM || !keyId || !signedList || !signature) {
      return wireErrors.incompleteSignature();
    }
    if (REQUIRED_HEADERS.some((name) => request.headers.get(name) === null)) {
      return wireErrors.incompleteSignature();
    }
    const signed = signedList.split(';').map((h) => h.trim().toLowerCase());
    // "Every common header present, except Authorization, must be signed": host and x-acs-*.
    const mustSign = ['host', ...acsHeaderNames(request.headers)];
    if (mustSign.some((name) => !signed.includes(name))) return wireErrors.incompleteSignature();

    const dateError = this.#checkDate(request.headers.get('x-acs-date') as string);
    if (dateError) return dateError;
    const key = this.#credentials.find((c) => c.accessKeyId === keyId);
    if (key === undefined) return wireErrors.accessKeyNotFound();
    const tokenError = checkToken(key, request.headers.get('x-acs-security-token'));
    if (tokenError) return tokenError;

    const toSign = serverStringToSign(request, body, signed);
    if (toSign === undefined) return wireErrors.incompleteSignature();
    if (!sameText(acs3Signature(key.accessKeySecret, toSign), signature)) {
      return wireErrors.signatureDoesNotMatch(toSign);
    }
    // Only authentic requests use up a nonce; a forged one cannot block the real sender's.
    const nonceError = this.#useNonce(request.headers.get('x-acs-signature-nonce') as string);
    if (nonceError) return nonceError;
    return { userId: key.userId ?? FAKE_ALIYUN_USER_ID, allowedActions: key.allowedActions };
  }

  /** Forgets seen nonces (between tests). */
  reset(): void {
    this.#nonces.clear();
  }

  #checkDate(value: string): PaiWireError | undefined {
    const m = X_ACS_DATE.exec(value);
    const signedAt = m === null ? Number.NaN : Date.parse(value);
    if (Number.isNaN(signedAt)) return wireErrors.timestampFormat();
    return Math.abs(signedAt - this.#now()) > MAX_CLOCK_SKEW_MS ? wireErrors.timestampExpired() : undefined;
  }

  #useNonce(nonce: string): PaiWireError | undefined {
    const now = this.#now();
    for (const [seen, at] of this.#nonces) if (now - at > 2 * MAX_CLOCK_SKEW_MS) this.#nonces.delete(seen);
    if (this.#nonces.has(nonce)) return wireErrors.nonceUsed();
    this.#nonces.set(nonce, now);
    return undefined;
  }
}

/** What the server signs: its own canonical request, hashed. `undefined` if a signed header is absent. */
function serverStringToSign(request: Request, body: Uint8Array, signed: string[]): string | undefined {
  const url = new URL(request.url);
  const headers: Array<[string, string]> = [];
  for (const name of [...new Set(signed)].sort()) {
    // fetch() keeps the Host it derives from the URL out of the Request object.
    const value = request.headers.get(name) ?? (name === 'host' ? url.host : null);
    if (value === null) return undefined;
    headers.push([name, value]);
  }
  return stringToSign(
    canonicalRequest({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      payloadHash: sha256Hex(body),
    }),
  );
}

function checkToken(key: AliyunCredentials, presented: string | null): PaiWireError | undefined {
  if (key.securityToken === undefined) {
    return presented === null ? undefined : wireErrors.securityTokenMalformed();
  }
  if (presented === null) return wireErrors.missingSecurityToken();
  return sameText(presented, key.securityToken) ? undefined : wireErrors.securityTokenMismatch();
}

function acsHeaderNames(headers: Headers): string[] {
  const names: string[] = [];
  headers.forEach((_value, name) => {
    if (name.toLowerCase().startsWith('x-acs-')) names.push(name.toLowerCase());
  });
  return names;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
