/**
 * What the request log must not keep (the engine's log masks `authorization`'s signature and
 * `x-security-token` itself): IAM tokens in `x-auth-token` / `x-subject-token`, and the password of
 * a token request.
 */
const REDACTED = '[redacted]';
const TOKEN_HEADERS = ['x-auth-token', 'x-subject-token'];

/** A copy of the request to log: same method, URL and headers, tokens masked. The body is logged separately. */
export function loggableRequest(request: Request): Request {
  const headers = new Headers(request.headers);
  for (const name of TOKEN_HEADERS) if (headers.has(name)) headers.set(name, REDACTED);
  return new Request(request.url, { method: request.method, headers });
}

/** `auth.identity.password.user.password` of `POST /v3/auth/tokens`. */
export function maskPassword(body: unknown): unknown {
  const user = dig(body, ['auth', 'identity', 'password', 'user']);
  if (user === undefined || !('password' in user)) return body;
  const copy = structuredClone(body) as Record<string, unknown>;
  const target = dig(copy, ['auth', 'identity', 'password', 'user']) as Record<string, unknown>;
  target.password = REDACTED;
  return copy;
}

function dig(value: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'object' && current !== null && !Array.isArray(current)
    ? (current as Record<string, unknown>)
    : undefined;
}
