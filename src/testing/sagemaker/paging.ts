/**
 * NextToken paging. Tokens are opaque to clients but carry an offset and a fingerprint of the
 * filters and sort they were issued for; a token replayed with different filters, or mangled,
 * is refused with ValidationException, since a client doing that has a bug worth surfacing.
 */
import { createHash } from 'node:crypto';
import { wireErrors } from './errors.js';

export const DEFAULT_PAGE_SIZE = 10;

export interface Page<T> {
  readonly items: T[];
  readonly nextToken: string | undefined;
}

export function paginate<T>(
  items: readonly T[],
  query: { nextToken: string | undefined; maxResults: number | undefined; filters: unknown },
): Page<T> {
  const fingerprint = fingerprintOf(query.filters);
  const offset = query.nextToken === undefined ? 0 : decode(query.nextToken, fingerprint);
  const size = query.maxResults ?? DEFAULT_PAGE_SIZE;
  const end = offset + size;
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? encode(end, fingerprint) : undefined,
  };
}

interface TokenBody {
  v: 1;
  o: number;
  f: string;
}

function encode(offset: number, fingerprint: string): string {
  const body: TokenBody = { v: 1, o: offset, f: fingerprint };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function decode(token: string, fingerprint: string): number {
  let body: Partial<TokenBody> | undefined;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
  } catch {
    body = undefined;
  }
  const valid =
    body?.v === 1 &&
    typeof body.o === 'number' &&
    Number.isInteger(body.o) &&
    body.o >= 0 &&
    body.f === fingerprint;
  if (!valid) throw wireErrors.validation('The NextToken provided is not valid for this request.');
  return body?.o as number;
}

function fingerprintOf(filters: unknown): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('hex').slice(0, 16);
}
