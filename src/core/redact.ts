/**
 * Secrets must never reach an error message, a hook event or a log line. Providers register
 * the secret values they hold (secret keys, session tokens, IAM tokens); every text crosstune
 * builds for humans passes through `redactText`, which also scrubs signature-shaped fragments
 * that a cloud may echo back.
 */
const registered = new Set<string>();

export const REDACTED = '[REDACTED]';

/** Remember a secret value so that it is masked wherever it might appear. Short values are ignored. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) registered.add(value);
}

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/(Signature=)[0-9a-fA-F]{16,}/g, `$1${REDACTED}`],
  [/(Credential=)[^,\s]+/g, `$1${REDACTED}`],
  [
    /((?:x-amz-security-token|x-security-token|x-auth-token|x-acs-security-token)["':=\s]+)[^"',\s]+/gi,
    `$1${REDACTED}`,
  ],
  [/(authorization["':=\s]+)[^"'\n]+/gi, `$1${REDACTED}`],
];

export function redactText(text: string): string {
  let out = text;
  for (const secret of registered) out = out.replaceAll(secret, REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const SECRET_HEADER =
  /^(authorization|x-amz-security-token|x-security-token|x-auth-token|x-acs-security-token|cookie)$/i;

/** Copy of headers safe to show: secret-bearing headers are masked. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADER.test(k) ? REDACTED : redactText(v);
  return out;
}

/**
 * A cause worth keeping (a parsed error body, its text) with secrets masked: `console.log(error)`
 * prints the cause chain, and clouds quote headers back in their messages. Errors are kept as
 * they are: their own messages are crosstune's or the runtime's.
 */
export function redactCause(cause: unknown): unknown {
  if (typeof cause === 'string') return redactText(cause);
  // null passes: its JSON copy is null again.
  if (typeof cause !== 'object' || cause instanceof Error) return cause;
  try {
    return JSON.parse(redactText(JSON.stringify(cause)));
  } catch {
    return cause;
  }
}
