/**
 * SDK-HMAC-SHA256 verification as API Gateway does it: read the Authorization header, find the
 * presented AK, rebuild the canonical request from what was received (the URL's host, the signed
 * headers' values, the body actually sent) and compare signatures. The canonical request comes
 * from crosstune's own signer functions, which are pinned to Huawei's published test vectors.
 * Every refusal is APIG.0301; texts after the gateway's prefix follow its documented ones
 * (`verify aksk signature fail, …`, `Get secretKey failed,ak:…,err:ak not exist`,
 * `AK access failed to reach the limit,forbidden.`); what follows "fail, " is the fake's wording.
 */
import { timingSafeEqual } from 'node:crypto';
import type { HttpRequest } from '../../core/http/transport.js';
import { ALGORITHM, signatureOf } from '../../providers/modelarts/auth.js';
import { parseAuthorization } from '../engine/authorization.js';
import { type ModelArtsWireError, wireErrors } from './errors.js';
import type { FakeHuaweiAccessKey } from './types.js';

/** The signing guide: X-Sdk-Date must be within 15 minutes of the gateway's time. */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;
/** "AK/SK authentication fails for more than five consecutive times, and the AK/SK pair is locked for five minutes." */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export interface AkSkVerifierOptions {
  readonly credentials: readonly FakeHuaweiAccessKey[];
  /** The time X-Sdk-Date is compared with. */
  readonly now: () => number;
  /** The time AK lockouts run on: the virtual clock. */
  readonly lockClock: () => number;
  readonly lockout: boolean;
}

export class AkSkVerifier {
  readonly #options: AkSkVerifierOptions;
  readonly #failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(options: AkSkVerifierOptions) {
    this.#options = options;
  }

  /** The key that signed the request, or the error to answer with. */
  verify(request: Request, rawBody: string): FakeHuaweiAccessKey | ModelArtsWireError {
    const parsed = parseAuthorization(request.headers.get('authorization') ?? '');
    const { Access: ak, SignedHeaders: signedList, Signature: signature } = parsed.params;
    if (parsed.algorithm !== ALGORITHM || !ak || !signedList || !signature) {
      return fail('the Authorization header is not SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…');
    }
    const key = this.#options.credentials.find((c) => c.accessKeyId === ak);
    if (key === undefined)
      return wireErrors.iamAuthentication(`Get secretKey failed,ak:${ak},err:ak not exist`);
    const lock = this.#failures.get(ak);
    if (lock !== undefined && this.#options.lockClock() < lock.lockedUntil) {
      return wireErrors.iamAuthentication('AK access failed to reach the limit,forbidden.');
    }
    const problem = this.#check(request, rawBody, key, signedList, signature);
    if (problem === undefined) {
      this.#failures.delete(ak);
      return key;
    }
    this.#countFailure(ak);
    return problem;
  }

  /** Forgets failures and lockouts (between tests). */
  reset(): void {
    this.#failures.clear();
  }

  #check(
    request: Request,
    rawBody: string,
    key: FakeHuaweiAccessKey,
    signedList: string,
    signature: string,
  ): ModelArtsWireError | undefined {
    const sdkDate = request.headers.get('x-sdk-date');
    const signedAt = sdkDate === null ? undefined : parseSdkDate(sdkDate);
    if (sdkDate === null || signedAt === undefined) {
      return fail('X-Sdk-Date is missing or not in the form 20260101T000000Z');
    }
    const signed = signedList.split(';').map((name) => name.trim().toLowerCase());
    if (!signed.includes('host') || !signed.includes('x-sdk-date')) {
      return fail('SignedHeaders must include host and x-sdk-date');
    }
    const tokenProblem = checkSecurityToken(key, request.headers.get('x-security-token'));
    if (tokenProblem) return tokenProblem;
    if (Math.abs(signedAt - this.#options.now()) > MAX_CLOCK_SKEW_MS) {
      return fail(`X-Sdk-Date ${sdkDate} is more than 15 minutes away from the server time`);
    }
    if (signed.some((name) => name !== 'host' && !request.headers.has(name))) {
      return fail('a signed header is missing from the request');
    }
    const expected = signatureOf(asHttpRequest(request, rawBody), signed, key.secretAccessKey, sdkDate);
    return sameText(expected, signature) ? undefined : fail('the signature does not match');
  }

  #countFailure(ak: string): void {
    if (!this.#options.lockout) return;
    const entry = this.#failures.get(ak) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= LOCK_AFTER_FAILURES) {
      entry.count = 0;
      entry.lockedUntil = this.#options.lockClock() + LOCK_MS;
    }
    this.#failures.set(ak, entry);
  }
}

function fail(detail: string): ModelArtsWireError {
  return wireErrors.iamAuthentication(`verify aksk signature fail, ${detail}`);
}

/** Temporary keys need their X-Security-Token; permanent ones must not send one. */
function checkSecurityToken(
  key: FakeHuaweiAccessKey,
  presented: string | null,
): ModelArtsWireError | undefined {
  if (key.securityToken === undefined) {
    return presented === null
      ? undefined
      : wireErrors.iamAuthentication(
          `Get secretKey failed,ak:${key.accessKeyId},err:x-security-token sent for a permanent ak`,
        );
  }
  if (presented === null) {
    return wireErrors.iamAuthentication(
      `Get secretKey failed,ak:${key.accessKeyId},err:x-security-token is required for a temporary ak`,
    );
  }
  return sameText(presented, key.securityToken)
    ? undefined
    : wireErrors.iamAuthentication(
        `Get secretKey failed,ak:${key.accessKeyId},err:x-security-token does not belong to the ak`,
      );
}

/** What the signer functions take: the URL as received (host included), headers as sent, the body text. */
function asHttpRequest(request: Request, rawBody: string): HttpRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { method: request.method, url: request.url, headers, body: rawBody };
}

export function parseSdkDate(text: string): number | undefined {
  const m = SDK_DATE.exec(text);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Rejects 20260230T… and friends, which Date.UTC would roll over silently.
  return back.getUTCDate() === d && back.getUTCHours() === h ? ms : undefined;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
