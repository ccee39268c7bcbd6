/**
 * Huawei Cloud's SDK-HMAC-SHA256 request signing, on node:crypto. Huawei's own Node core package
 * would pull in axios, moment, lodash and log4js for what is a canonical request and one HMAC;
 * this file is pinned to Huawei's published test vectors instead (test/modelarts/auth.test.ts).
 */
import { createHash, createHmac } from 'node:crypto';
import type { HttpRequest } from '../../core/http/message.js';
import { percentEncode as encode } from '../../core/http/url.js';
import { registerSecret } from '../../core/redact.js';

export const ALGORITHM = 'SDK-HMAC-SHA256';

/** A permanent access key pair, or a temporary one with its security token. */
export interface AccessKeys {
  accessKeyId: string;
  secretAccessKey: string;
  /** Only for temporary keys (STS); sent as `X-Security-Token`. */
  securityToken?: string | undefined;
}

/** `YYYYMMDDTHHMMSSZ`, the form `X-Sdk-Date` carries. */
export function sdkDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function canonicalUri(pathname: string): string {
  const path = pathname
    .split('/')
    .map((segment) => encode(decodeURIComponent(segment)))
    .join('/');
  // Signing-only: the canonical path always ends with '/', the request itself does not.
  return path.endsWith('/') ? path : `${path}/`;
}

function canonicalQuery(params: URLSearchParams): string {
  const pairs = [...params].map(([key, value]) => [encode(key), encode(value)] as const);
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

function headerValue(request: HttpRequest, url: URL, name: string): string {
  if (name === 'host') return url.host;
  const entry = Object.entries(request.headers).find(([key]) => key.toLowerCase() === name);
  return (entry?.[1] ?? '').trim();
}

const sha256Hex = (data: string) => createHash('sha256').update(data).digest('hex');

export function canonicalRequest(request: HttpRequest, signedHeaders: readonly string[]): string {
  const url = new URL(request.url);
  const payloadHash =
    headerValue(request, url, 'x-sdk-content-sha256') === 'UNSIGNED-PAYLOAD'
      ? 'UNSIGNED-PAYLOAD'
      : sha256Hex(request.body ?? '');
  return [
    request.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    signedHeaders.map((name) => `${name}:${headerValue(request, url, name)}\n`).join(''),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

export function signatureOf(
  request: HttpRequest,
  signedHeaders: readonly string[],
  secretKey: string,
  date: string,
): string {
  const stringToSign = `${ALGORITHM}\n${date}\n${sha256Hex(canonicalRequest(request, signedHeaders))}`;
  return createHmac('sha256', secretKey).update(stringToSign).digest('hex');
}

/**
 * Adds `X-Sdk-Date`, `X-Security-Token` (temporary keys) and `Authorization`. Every header sent is
 * signed, plus `host` from the URL; names with `_` are left out as Huawei's Python signer does,
 * so a request signed here verifies under both of Huawei's SDKs' rules.
 */
export function signRequest(request: HttpRequest, keys: AccessKeys, now: Date): HttpRequest {
  registerSecret(keys.secretAccessKey);
  registerSecret(keys.securityToken);
  const headers: Record<string, string> = { ...request.headers, 'x-sdk-date': sdkDate(now) };
  if (keys.securityToken) headers['x-security-token'] = keys.securityToken;
  const signed = [...new Set(['host', ...Object.keys(headers).map((name) => name.toLowerCase())])]
    .filter((name) => !name.includes('_') && name !== 'authorization')
    .sort();
  const unsigned = { ...request, headers };
  const signature = signatureOf(unsigned, signed, keys.secretAccessKey, headers['x-sdk-date'] as string);
  headers.authorization = `${ALGORITHM} Access=${keys.accessKeyId}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
  return unsigned;
}
