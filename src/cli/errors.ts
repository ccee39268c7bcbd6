/**
 * How the command reports a failure: one line — the error's class, the cloud's code, the request
 * id, what went wrong and what to do — and with `--verbose` the chain of causes, one per line.
 * Never a stack trace, never a secret: every line passes through the same redaction as errors.
 */
import { redactText, registerSecret } from '../core/redact.js';
import { CrosstuneError } from '../index.js';

/** Exit codes: 0 ok, 1 failure (a call, a failed experiment), 2 usage, 130 interrupted. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** Credentials the environment holds are masked even where a library quotes them back. */
const SECRET_VARIABLES = [
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'HUAWEICLOUD_SDK_SK',
  'HUAWEICLOUD_SDK_SECURITY_TOKEN',
];

export function maskEnvironmentSecrets(env: Readonly<Record<string, string | undefined>>): void {
  for (const name of SECRET_VARIABLES) registerSecret(env[name]);
}

const HINTS: Readonly<Record<string, string>> = {
  AuthenticationError:
    "check the cloud's credentials (AWS default chain or AWS_PROFILE; ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET; HUAWEICLOUD_SDK_AK/_SK)",
  PermissionDeniedError: 'the credentials are not allowed this operation: grant it, or use other credentials',
  NotFoundError: 'check the id, --cloud and --region',
  ValidationError: 'the cloud refused the request as sent: check the arguments',
  InvalidArgumentError: 'check the arguments (--help lists them)',
  ConflictError: 'the resource is not in a state that allows this: check its status',
  ThrottlingError: 'the cloud is throttling: try again later',
  QuotaExceededError: 'a quota of the account is used up: raise it, or free some',
  NetworkError:
    'could not reach the cloud: check the network, --endpoint and the CROSSTUNE_<CLOUD>_ENDPOINT variables',
  TimeoutError: 'no answer in time: try again, or allow more with --timeout',
  ServiceError: 'the cloud failed: try again later',
  ResponseFormatError:
    "the cloud's answer was not what crosstune understands: try again, then report it with --verbose",
  PaginationError: 'the listing changed under the walk: try again',
  UnsupportedOperationError: 'this cloud cannot do that',
  ObjectiveMismatchError:
    'the runs optimise different objectives: pass --objective <metric>:<maximize|minimize> to compare them anyway',
  AbortError: 'stopped',
};

function describe(error: unknown): string {
  if (CrosstuneError.is(error)) {
    const where = [error.provider, error.operation].filter(Boolean).join(' ');
    const tags = [where, error.code, error.requestId && `request ${error.requestId}`].filter(Boolean);
    const hint = HINTS[error.name];
    return `${error.name}${tags.length ? ` (${tags.join(', ')})` : ''}: ${error.message}${hint ? ` — ${hint}` : ''}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The line (or, verbose, the lines) to print for `error`. */
export function errorReport(error: unknown, verbose: boolean): string {
  const lines = [`crosstune: ${describe(error)}`];
  if (verbose) {
    const seen = new Set<unknown>([error]);
    for (let cause = (error as { cause?: unknown })?.cause; cause !== undefined && !seen.has(cause); ) {
      seen.add(cause);
      lines.push(`  caused by ${describe(cause)}`);
      cause = (cause as { cause?: unknown } | null)?.cause;
    }
  }
  return redactText(lines.join('\n'));
}

/** A failure's exit code: usage errors (bad arguments) 2, everything else 1. */
export function exitCodeOf(error: unknown): number {
  return CrosstuneError.is(error) && error.name === 'InvalidArgumentError' ? EXIT.usage : EXIT.failure;
}
