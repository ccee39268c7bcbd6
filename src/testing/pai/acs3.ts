/**
 * The pieces of Alibaba Cloud's V3 signature (ACS3-HMAC-SHA256, reference §7.3), computed the way
 * the server does: from the request as received, never from what the client claims to have signed.
 */
import { createHash, createHmac } from 'node:crypto';

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** RFC 3986 percent-encoding: encodeURIComponent plus `!'()*`, which it leaves alone. */
export function acsPercentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Decoded query pairs, re-encoded and sorted by key (then value, for repeated keys). */
export function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .map(([key, value]) => [acsPercentEncode(key), acsPercentEncode(value)] as const)
    .sort(([ak, av], [bk, bv]) => compare(ak, bk) || compare(av, bv))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

export interface CanonicalInput {
  readonly method: string;
  /** The path exactly as it arrived, percent-escapes included. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-case names, sorted, each with the value received. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly payloadHash: string;
}

export function canonicalRequest(input: CanonicalInput): string {
  const headerLines = input.headers.map(([name, value]) => `${name}:${value.trim()}\n`).join('');
  return [
    input.method.toUpperCase(),
    input.path,
    canonicalQuery(input.query),
    headerLines,
    input.headers.map(([name]) => name).join(';'),
    input.payloadHash,
  ].join('\n');
}

export function stringToSign(canonical: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonical)}`;
}

export function acs3Signature(secret: string, toSign: string): string {
  return createHmac('sha256', secret).update(toSign, 'utf8').digest('hex');
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
