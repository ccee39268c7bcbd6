/**
 * The one check every id a caller gives (experiment, trial, training job, project…) passes before
 * anything is sent, on every cloud. Percent-encoding keeps most text inside its path segment
 * (`a/b` travels as `a%2Fb`), but not all of it: `.` and `..` are unreserved, so URL parsers
 * resolve them as dot segments (`/experiment/./trials` is `/experiment/trials`); an empty id drops
 * its segment (`/experiment//stop`, or the collection's path for the item's); a lone surrogate has
 * no UTF-8 form to encode; control characters are no cloud's id and are stripped or refused by one
 * parser or another on the way. The operations clients check the ids they send (`checkId`,
 * `idSegment`); `checkingIds` checks a neutral call's ids before any of its requests.
 */
import type { TuningProvider } from './contract.js';
import { InvalidArgumentError, type ProviderId } from './errors.js';
import { percentEncode } from './http/url.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `value` cannot be sent as an id, or undefined when it can. */
export function idProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be a string, got ${value === null ? 'null' : typeof value}`;
  if (value === '') return 'must not be empty';
  if (value === '.' || value === '..')
    return `must not be ${JSON.stringify(value)}, which addresses another path`;
  if (CONTROL.test(value)) return `must not contain control characters, got ${JSON.stringify(value)}`;
  if (LONE_SURROGATE.test(value))
    return `must be well-formed text, got ${JSON.stringify(value)} (a lone surrogate)`;
  return undefined;
}

/**
 * `value` when it can travel as the id it is; else an InvalidArgumentError naming the argument
 * (`trialId`, `ExperimentId`…) and what is wrong with it.
 */
export function checkId(value: unknown, name: string, provider?: ProviderId, operation?: string): string {
  const problem = idProblem(value);
  if (problem !== undefined) throw new InvalidArgumentError(`${name} ${problem}`, { provider, operation });
  return value as string;
}

/** A checked id as one percent-encoded path segment. */
export function idSegment(value: unknown, name: string, provider?: ProviderId): string {
  return percentEncode(checkId(value, name, provider));
}

/**
 * The neutral operations that take ids: the names of their leading arguments, and whether the
 * operation answers with a promise (a refused id rejects it) or an iterable (a refused id throws
 * at the call, as a listing's other argument checks do).
 */
const NEUTRAL_IDS: {
  readonly [G in 'experiments' | 'trials' | 'trainingJobs']: {
    readonly [M in keyof TuningProvider[G]]?: readonly ['promise' | 'iterable', ...string[]];
  };
} = {
  experiments: {
    get: ['promise', 'experimentId'],
    stop: ['promise', 'experimentId'],
    delete: ['promise', 'experimentId'],
    summarize: ['promise', 'experimentId'],
    wait: ['promise', 'experimentId'],
    // Stryker disable next-line StringLiteral: only 'promise' is compared; any other word means a call that throws.
    watch: ['iterable', 'experimentId'],
  },
  trials: {
    // Stryker disable next-line StringLiteral: only 'promise' is compared; any other word means a call that throws.
    list: ['iterable', 'experimentId'],
    get: ['promise', 'experimentId', 'trialId'],
    stop: ['promise', 'experimentId', 'trialId'],
  },
  // Stryker disable next-line StringLiteral: only 'promise' is compared; any other word means a call that throws.
  trainingJobs: { list: ['iterable', 'experimentId'] },
};

type Method = (...args: unknown[]) => unknown;

/**
 * The provider with every id of a neutral call checked before the call starts — so a call that
 * sends two requests at once (a trial and its experiment) sends neither when either id is bad.
 */
export function checkingIds<P extends TuningProvider<never>>(provider: P): P {
  const checked: Record<string, unknown> = { ...(provider as object) };
  for (const [group, methods] of Object.entries(NEUTRAL_IDS)) {
    const original = provider[group as keyof typeof NEUTRAL_IDS] as unknown as Record<string, Method>;
    const wrapped: Record<string, Method> = { ...original };
    for (const [name, [returns, ...argumentNames]] of Object.entries(methods)) {
      const run = original[name] as Method;
      const operation = `${group}.${name}`;
      wrapped[name] = (...args) => {
        try {
          for (const [i, argument] of argumentNames.entries())
            checkId(args[i], argument, provider.id, operation);
        } catch (error) {
          if (returns === 'promise') return Promise.reject(error);
          throw error;
        }
        return run.apply(original, args);
      };
    }
    checked[group] = wrapped;
  }
  return checked as P;
}
