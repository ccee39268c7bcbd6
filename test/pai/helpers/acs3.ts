/**
 * An independent check of the ACS3-HMAC-SHA256 signature (reference §7.3), written from the
 * algorithm's description, so the tests can tell the runtime signed what went on the wire.
 */
import { createHash, createHmac } from 'node:crypto';

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/** encodeURIComponent with `!'()*` escaped too. */
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SignedRequest {
  method: string;
  /** As sent: already percent-encoded. */
  pathname: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

export function acs3Signature(
  request: SignedRequest,
  secret: string,
): { signedHeaders: string; signature: string } {
  const names = Object.keys(request.headers)
    .map((n) => n.toLowerCase())
    .filter((n) => n.startsWith('x-acs-') || n === 'host' || n === 'content-type')
    .sort();
  const lower = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = names.map((n) => `${n}:${(lower[n] ?? '').trim()}\n`).join('');
  const canonicalQuery = Object.keys(request.query)
    .sort()
    .map((k) => `${enc(k)}=${enc(request.query[k] ?? '')}`)
    .join('&');
  const canonical = [
    request.method,
    request.pathname,
    canonicalQuery,
    canonicalHeaders,
    names.join(';'),
    sha256(request.body),
  ].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${sha256(canonical)}`;
  return {
    signedHeaders: names.join(';'),
    signature: createHmac('sha256', secret).update(toSign, 'utf8').digest('hex'),
  };
}

export function payloadHash(body: string): string {
  return sha256(body);
}
