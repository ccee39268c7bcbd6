/**
 * A client's options, checked when the client is built — from TypeScript or plain JavaScript —
 * so that a missing region, a malformed endpoint or a timeout of the wrong type is an
 * InvalidArgumentError naming the option and what it must be, not a TypeError at the first call
 * or a request to `api.sagemaker..amazonaws.com`. The options every cloud shares are checked here;
 * each factory adds its own (`checkClientOptions(provider, options, { region: …, endpoint: … })`).
 * An option no rule knows is refused too: from plain JavaScript a misspelt `timeout` would
 * otherwise be ignored without a word.
 */
import { InvalidArgumentError, type ProviderId } from './errors.js';
import { idProblem } from './ids.js';

/** Why `value` will not do for the option called `name`, or undefined when it will. */
export type OptionCheck = (value: unknown, name: string) => string | undefined;

/** Node's timers fire at once past this (with a warning), so no wait or limit may exceed it. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const shown = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `check`, or nothing at all. */
export const optional =
  (check: OptionCheck): OptionCheck =>
  (value, name) =>
    value === undefined ? undefined : check(value, name);

/** A check from a test and the words for what passes it. */
export const expecting =
  (expected: string, test: (value: unknown) => boolean): OptionCheck =>
  (value, name) =>
    test(value) ? undefined : `${name} must be ${expected}, got ${shown(value)}`;

export const aFunction = expecting('a function', (v) => typeof v === 'function');

export const integerFrom = (min: number, max: number) =>
  expecting(
    `an integer from ${min} to ${max}`,
    // Stryker disable next-line ConditionalExpression: Number.isInteger is false for anything but a number; the typeof test only narrows the type.
    (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
  );

const milliseconds = (min: number, max = MAX_TIMER_MS) =>
  expecting(
    max === Number.POSITIVE_INFINITY
      ? `a number of milliseconds >= ${min}`
      : `a number of milliseconds from ${min} to ${max}`,
    (v) => typeof v === 'number' && !Number.isNaN(v) && v >= min && v <= max,
  );

/** Pages in flight at once (PAI, ModelArts): more than this would only meet the cloud's throttling. */
export const pageConcurrency = optional(integerFrom(1, 64));

/** A cloud's region: one DNS label (it goes into host names), as every region of the three clouds is. */
export const regionName = (example: string) =>
  expecting(
    `a region name such as ${JSON.stringify(example)} (lower-case letters, digits and hyphens)`,
    (v) => (typeof v === 'string' ? /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) : false),
  );

/** An http(s) URL that only says where to go: no credentials, query or fragment to mix into paths. */
export const httpUrl: OptionCheck = (value, name) => {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  const withCredentials = url !== undefined && (url.username !== '' || url.password !== '');
  if (
    url &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    // Stryker disable next-line ConditionalExpression,StringLiteral: the URL parser refuses an http(s) URL without a host, so a parsed one always has one; kept as the rule it states.
    url.hostname !== '' &&
    !withCredentials &&
    url.search === '' &&
    !(value as string).includes('#')
  ) {
    return undefined;
  }
  // A URL with credentials is not echoed: an error message must never carry a secret.
  const got = withCredentials ? 'a URL with credentials in it' : shown(value);
  return `${name} must be an http:// or https:// URL without credentials, query or fragment, got ${got}`;
};

/** An id option (a workspace, a project): the check every id passes (ids.ts). */
export const anId: OptionCheck = (value, name) => {
  const problem = idProblem(value);
  return problem === undefined ? undefined : `${name} ${problem}`;
};

export const oneOf = (...values: readonly string[]) =>
  expecting(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, (v) => values.includes(v as string));

/**
 * Credentials given explicitly: the cloud checks what they hold when it first signs with them.
 * The value is never echoed (it may be a key).
 */
export const credentialsGiven =
  (expected: string, functionToo: boolean): OptionCheck =>
  (value, name) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return undefined;
    if (functionToo && typeof value === 'function') return undefined;
    return `${name} must be ${expected}, got ${typeof value === 'string' ? 'a string' : shown(value)}`;
  };

/** An object whose every key has a check; a key without one is refused by name. */
export const shaped =
  (expected: string, shape: Readonly<Record<string, OptionCheck>>): OptionCheck =>
  (value, name) => {
    if (!isPlainObject(value)) return `${name} must be ${expected}, got ${shown(value)}`;
    for (const key of Object.keys(value)) {
      const check = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (!check) return `${name}.${key} is not an option (known: ${Object.keys(shape).join(', ')})`;
      const problem = check(value[key], `${name}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };

const RETRY = shaped('false or an object of retry settings', {
  maxAttempts: optional(integerFrom(1, 1000)),
  baseDelayMs: optional(milliseconds(0)),
  throttlingBaseDelayMs: optional(milliseconds(0)),
  maxDelayMs: optional(milliseconds(0)),
  // No retry starts past it; it sets no timer, so any length will do.
  maxElapsedMs: optional(milliseconds(0, Number.POSITIVE_INFINITY)),
});

/** The options every cloud's factory takes (`ClientOptions`). */
const SHARED: Readonly<Record<string, OptionCheck>> = {
  timeoutMs: optional(milliseconds(1)),
  retry: optional((value, name) => (value === false ? undefined : RETRY(value, name))),
  hooks: optional(shaped('an object of hook functions', { onAttempt: optional(aFunction) })),
  fetch: optional(aFunction),
  dispatcher: optional(
    expecting(
      'an undici Dispatcher (such as new ProxyAgent(url))',
      (v) =>
        typeof v === 'object' && v !== null && typeof (v as { dispatch?: unknown }).dispatch === 'function',
    ),
  ),
};

/**
 * A call's own `timeoutMs` and `retry`, checked as the client's are (from plain JavaScript a
 * `maxAttempts: 'x'` would otherwise retry until `maxElapsedMs`). Other keys are left alone: a
 * summary's or a wait's options pass through to the calls they make.
 */
export function checkCallOptions(
  provider: ProviderId,
  operation: string,
  options: { timeoutMs?: unknown; retry?: unknown },
): void {
  for (const key of ['timeoutMs', 'retry'] as const) {
    const problem = (SHARED[key] as OptionCheck)(options[key], key);
    if (problem) throw new InvalidArgumentError(`${operation}: ${problem}`, { provider, operation });
  }
}

/**
 * Throws an InvalidArgumentError naming the first option that will not do, and what it must be:
 * the shared options and `own`, the cloud's. A check not wrapped in `optional` makes its option
 * required (`region`).
 */
export function checkClientOptions(
  provider: ProviderId,
  options: unknown,
  own: Readonly<Record<string, OptionCheck>>,
): void {
  const fail = (problem: string) => {
    throw new InvalidArgumentError(`${provider}(): ${problem}`, { provider });
  };
  if (!isPlainObject(options))
    fail(`the options must be an object (with at least region), got ${shown(options)}`);
  const rules = { ...SHARED, ...own };
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(key in rules))
      fail(`${key} is not an option of ${provider}() (known: ${Object.keys(rules).join(', ')})`);
  }
  for (const [key, check] of Object.entries(rules)) {
    const problem = check(given[key], key);
    if (problem) fail(problem);
  }
  if (given.fetch !== undefined && given.dispatcher !== undefined) {
    fail(
      'fetch and dispatcher cannot be used together: a dispatcher is used with undici’s own fetch; give one',
    );
  }
}
