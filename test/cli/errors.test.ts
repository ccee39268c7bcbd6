/**
 * What the command line prints when a command fails, in-process: the line for every error class
 * (compared word for word with committed text), its exit code, the causes `--verbose` adds, and the
 * environment's secrets masked wherever they turn up.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorReport, exitCodeOf, maskEnvironmentSecrets } from '../../src/cli/errors.js';
import { ObjectiveMismatchError } from '../../src/compare/index.js';
import {
  AbortError,
  AuthenticationError,
  ConflictError,
  CrosstuneError,
  InvalidArgumentError,
  NetworkError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  QuotaExceededError,
  ResponseFormatError,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  UnsupportedOperationError,
  ValidationError,
} from '../../src/index.js';

const where = {
  provider: 'pai',
  operation: 'GetHpoExperiment',
  code: 'Cloud.Code',
  requestId: 'r-1',
} as const;

const ERRORS = [
  new AuthenticationError('bad signature', where),
  new PermissionDeniedError('not allowed', where),
  new NotFoundError('no such experiment', where),
  new ConflictError('already stopping', where),
  new ValidationError('bad request', where),
  new QuotaExceededError('too many experiments', where),
  new ThrottlingError('slow down', where),
  new ServiceError('internal error', where),
  new NetworkError('connection reset', { provider: 'sagemaker', operation: 'ListTrainingJobs' }),
  new TimeoutError('no answer in 30000 ms', { provider: 'modelarts' }),
  new AbortError('aborted'),
  new ResponseFormatError('expected a number', { path: 'Trials[0].Value', provider: 'pai' }),
  new PaginationError('a token came back twice', where),
  new UnsupportedOperationError('modelarts', 'experiments.delete', 'ModelArts keeps its jobs'),
  new InvalidArgumentError('timeoutMs must be a number'),
  new ObjectiveMismatchError('The runs do not optimise one objective', []),
  // No class of its own: no advice either.
  new CrosstuneError('something else', { provider: 'pai' }),
  new TypeError('not a function'),
  'a thrown string',
];

describe('errorReport', () => {
  it('prints one line per error: class, where, code, request, message and what to do', async () => {
    const lines = ERRORS.map((error) => errorReport(error, false));
    for (const line of lines) expect(line).not.toContain('\n');
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/error-lines.txt');
  });

  it('exits 2 for bad arguments and 1 for anything else', () => {
    expect(ERRORS.map(exitCodeOf)).toEqual(ERRORS.map((e) => (e instanceof InvalidArgumentError ? 2 : 1)));
  });

  it('with --verbose, adds each cause once, whatever it is, and stops at a loop', () => {
    const root = new Error('socket hang up');
    const middle = new NetworkError('connection reset', { provider: 'pai', cause: root });
    const top = new ServiceError('request failed', { provider: 'pai', cause: middle });
    (root as { cause?: unknown }).cause = top;
    expect(errorReport(top, true).split('\n')).toEqual([
      'crosstune: ServiceError (pai): request failed — the cloud failed: try again later',
      '  caused by NetworkError (pai): connection reset — could not reach the cloud: check the network, --endpoint and the CROSSTUNE_<CLOUD>_ENDPOINT variables',
      '  caused by Error: socket hang up',
    ]);
    // A loop among the causes alone ends too.
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(errorReport(new Error('top', { cause: a }), true).split('\n')).toEqual([
      'crosstune: Error: top',
      '  caused by Error: a',
      '  caused by Error: b',
    ]);
    expect(errorReport(new Error('outer', { cause: null }), true).split('\n')).toEqual([
      'crosstune: Error: outer',
      '  caused by null',
    ]);
    expect(errorReport(new Error('outer', { cause: 'a reason' }), false)).toBe('crosstune: Error: outer');
    expect(errorReport(undefined, true)).toBe('crosstune: undefined');
  });
});

describe('maskEnvironmentSecrets', () => {
  it("masks every secret variable's value in what is printed", () => {
    const names = [
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      'ALIBABA_CLOUD_SECURITY_TOKEN',
      'HUAWEICLOUD_SDK_SK',
      'HUAWEICLOUD_SDK_SECURITY_TOKEN',
    ];
    const env = Object.fromEntries(names.map((name) => [name, `${name.toLowerCase()}-${randomUUID()}`]));
    const leak = new Error(`sent ${names.map((name) => env[name]).join(' and ')}`);
    expect(errorReport(leak, false)).toContain(env.AWS_SESSION_TOKEN);
    maskEnvironmentSecrets({ ...env, AWS_ACCESS_KEY_ID: 'AKIDNOTASECRET0001' });
    const printed = errorReport(leak, false);
    for (const name of names) expect(printed, name).not.toContain(env[name]);
    expect(errorReport(new Error('key AKIDNOTASECRET0001'), false)).toContain('AKIDNOTASECRET0001');
  });
});
