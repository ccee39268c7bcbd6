/**
 * Options (issue 9, item 8): checked when a client is built, from TypeScript and from plain
 * JavaScript (the casts below stand for the latter), on every cloud — an InvalidArgumentError
 * naming the option and what it must be, and nothing sent. A `fetch` option that resolves with
 * something that is not a Response ends the call with one clear, non-retried error.
 */
import { describe, expect, it } from 'vitest';
import { type FetchLike, InvalidArgumentError } from '../../src/index.js';
import { modelarts } from '../../src/providers/modelarts/index.js';
import { pai } from '../../src/providers/pai/index.js';
import { sagemaker } from '../../src/providers/sagemaker/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
} from '../../src/testing/index.js';

type Factory = (options: unknown) => unknown;

/** Each cloud's factory and options that build a working client, against a loopback address. */
const CLOUDS: Record<'sagemaker' | 'pai' | 'modelarts', { build: Factory; good: Record<string, unknown> }> = {
  sagemaker: {
    build: sagemaker as Factory,
    good: { region: 'us-east-1', endpoint: 'http://127.0.0.1:9/', credentials: FAKE_AWS_CREDENTIALS },
  },
  pai: {
    build: pai as Factory,
    good: { region: 'cn-hangzhou', endpoint: 'http://127.0.0.1:9', credentials: FAKE_ALIYUN_CREDENTIALS },
  },
  modelarts: {
    build: modelarts as Factory,
    good: {
      region: 'cn-north-4',
      endpoint: 'http://127.0.0.1:9',
      iamEndpoint: 'http://127.0.0.1:9',
      projectId: 'p0123456789abcdef',
      credentials: FAKE_HUAWEI_CREDENTIALS,
    },
  },
};
const NAMES = Object.keys(CLOUDS) as (keyof typeof CLOUDS)[];

/** What building with `options` threw. */
function refusal(cloud: keyof typeof CLOUDS, options: unknown): Error {
  try {
    CLOUDS[cloud].build(options);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`${cloud}(${JSON.stringify(options)}) was built`);
}

/** A bad value of one option: the words its refusal must hold. */
interface BadOption {
  option: string;
  value: unknown;
  says: RegExp;
  only?: (keyof typeof CLOUDS)[];
}

const fn = () => undefined;

/** Shared by every cloud unless `only` says otherwise. */
const BAD: BadOption[] = [
  {
    option: 'region',
    value: undefined,
    says: /^\w+\(\): region must be a region name such as "[a-z0-9-]+".*got undefined$/,
  },
  { option: 'region', value: '', says: /region must be a region name .*got ""/ },
  { option: 'region', value: 'us-east-1.evil.example/x', says: /region must be a region name/ },
  { option: 'region', value: 'US East', says: /region must be a region name/ },
  { option: 'region', value: 42, says: /region must be a region name .*got 42/ },
  { option: 'endpoint', value: 'not a url', says: /endpoint must be an http:\/\/ or https:\/\/ URL/ },
  { option: 'endpoint', value: 'ftp://127.0.0.1/', says: /endpoint must be an http:\/\/ or https:\/\/ URL/ },
  { option: 'endpoint', value: 'http://127.0.0.1:9/?x=1', says: /without credentials, query or fragment/ },
  { option: 'endpoint', value: 'http://127.0.0.1:9/#top', says: /without credentials, query or fragment/ },
  { option: 'endpoint', value: 'https://user:hunter2@127.0.0.1/', says: /got a URL with credentials in it/ },
  { option: 'endpoint', value: 7, says: /endpoint must be .*got 7/ },
  { option: 'endpoint', value: 'http://127.0.0.1:9/v1', says: /endpoint must name an origin/, only: ['pai'] },
  {
    option: 'timeoutMs',
    value: '100',
    says: /timeoutMs must be a number of milliseconds from 1 to 2147483647, got "100"/,
  },
  { option: 'timeoutMs', value: 0, says: /timeoutMs must be a number of milliseconds from 1/ },
  { option: 'timeoutMs', value: -5, says: /timeoutMs must be/ },
  { option: 'timeoutMs', value: Number.NaN, says: /timeoutMs must be .*got NaN/ },
  { option: 'timeoutMs', value: 2 ** 31, says: /timeoutMs must be .*to 2147483647/ },
  { option: 'retry', value: true, says: /retry must be false or an object of retry settings, got true/ },
  { option: 'retry', value: 'never', says: /retry must be false or an object/ },
  {
    option: 'retry',
    value: { maxAttempts: 0 },
    says: /retry.maxAttempts must be an integer from 1 to 1000, got 0/,
  },
  { option: 'retry', value: { maxAttempts: 2.5 }, says: /retry.maxAttempts must be an integer/ },
  {
    option: 'retry',
    value: { baseDelayMs: -1 },
    says: /retry.baseDelayMs must be a number of milliseconds from 0/,
  },
  { option: 'retry', value: { maxDelayMs: 2 ** 32 }, says: /retry.maxDelayMs must be/ },
  {
    option: 'retry',
    value: { maxElapsedMs: 'soon' },
    says: /retry.maxElapsedMs must be a number of milliseconds >= 0/,
  },
  {
    option: 'retry',
    value: { maxRetries: 3 },
    says: /retry.maxRetries is not an option \(known: maxAttempts, /,
  },
  { option: 'hooks', value: fn, says: /hooks must be an object of hook functions, got a function/ },
  { option: 'hooks', value: { onAttempt: 'log' }, says: /hooks.onAttempt must be a function, got "log"/ },
  {
    option: 'hooks',
    value: { onRequest: fn },
    says: /hooks.onRequest is not an option \(known: onAttempt\)/,
  },
  { option: 'fetch', value: 'https://example.invalid', says: /fetch must be a function/ },
  { option: 'fetch', value: {}, says: /fetch must be a function, got an object/ },
  { option: 'dispatcher', value: {}, says: /dispatcher must be an undici Dispatcher/ },
  { option: 'dispatcher', value: 'http://proxy:3128', says: /dispatcher must be an undici Dispatcher/ },
  { option: 'timeout', value: 5000, says: /timeout is not an option of \w+\(\) \(known: timeoutMs, / },
  { option: 'credentials', value: 'AKIAIOSFODNN7EXAMPLE', says: /credentials must be .*got a string$/ },
  { option: 'credentials', value: null, says: /credentials must be .*got null$/ },
  {
    option: 'pageConcurrency',
    value: 0,
    says: /pageConcurrency must be an integer from 1 to 64, got 0/,
    only: ['pai', 'modelarts'],
  },
  {
    option: 'pageConcurrency',
    value: '4',
    says: /pageConcurrency must be an integer/,
    only: ['pai', 'modelarts'],
  },
  {
    option: 'pageConcurrency',
    value: 1.5,
    says: /pageConcurrency must be an integer/,
    only: ['pai', 'modelarts'],
  },
  { option: 'workspaceId', value: '', says: /workspaceId must not be empty/, only: ['pai', 'modelarts'] },
  { option: 'workspaceId', value: '..', says: /workspaceId must not be "\.\."/, only: ['pai', 'modelarts'] },
  { option: 'projectId', value: '.', says: /projectId must not be "\."/, only: ['modelarts'] },
  { option: 'projectId', value: 17, says: /projectId must be a string, got number/, only: ['modelarts'] },
  {
    option: 'iamEndpoint',
    value: 'iam',
    says: /iamEndpoint must be an http:\/\/ or https:\/\/ URL/,
    only: ['modelarts'],
  },
  {
    option: 'offsetMeaning',
    value: { trials: 'rows' },
    says: /offsetMeaning.trials must be one of "record", "page", got "rows"/,
    only: ['modelarts'],
  },
  { option: 'offsetMeaning', value: 'record', says: /offsetMeaning must be an object/, only: ['modelarts'] },
  // Options of another cloud are no options of this one.
  {
    option: 'projectId',
    value: 'p1',
    says: /projectId is not an option of \w+\(\)/,
    only: ['sagemaker', 'pai'],
  },
];

describe('options are checked when a client is built', () => {
  it.each(NAMES)('%s: no options, or not an object, is refused by name', (cloud) => {
    for (const options of [undefined, null, 'us-east-1', []]) {
      const error = refusal(cloud, options);
      expect(InvalidArgumentError.is(error)).toBe(true);
      expect(error.message).toMatch(
        new RegExp(`^${cloud}\\(\\): the options must be an object \\(with at least region\\)`),
      );
    }
  });

  describe.each(NAMES)('%s', (cloud) => {
    const cases = BAD.filter((bad) => !bad.only || bad.only.includes(cloud));
    it.each(cases.map((bad) => [bad.option, bad.value, bad] as const))(
      '%s = %o is an InvalidArgumentError naming it and what it must be',
      (_option, _value, bad) => {
        const error = refusal(cloud, { ...CLOUDS[cloud].good, [bad.option]: bad.value });
        expect(InvalidArgumentError.is(error), String(error)).toBe(true);
        expect(error.message).toMatch(bad.says);
        expect(error.message.startsWith(`${cloud}(): `)).toBe(true);
        expect(error).toMatchObject({ provider: cloud, retryable: false });
        // An endpoint with a password in it is refused without saying the password.
        expect(error.message).not.toContain('hunter2');
        expect(error.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
      },
    );

    it('fetch and dispatcher together are refused: one of them would be ignored', () => {
      const dispatcher = { dispatch: () => true };
      const error = refusal(cloud, { ...CLOUDS[cloud].good, fetch: globalThis.fetch, dispatcher });
      expect(error.message).toMatch(/fetch and dispatcher cannot be used together/);
    });

    it('good options of every kind are accepted', () => {
      const good = {
        ...CLOUDS[cloud].good,
        timeoutMs: 1,
        retry: false,
        hooks: { onAttempt: fn },
        fetch: undefined,
        dispatcher: { dispatch: () => true },
      };
      expect(() => CLOUDS[cloud].build(good)).not.toThrow();
      const tuned = {
        ...CLOUDS[cloud].good,
        timeoutMs: 2 ** 31 - 1,
        retry: { maxAttempts: 1, maxElapsedMs: Infinity },
      };
      expect(() => CLOUDS[cloud].build(tuned)).not.toThrow();
      expect(() =>
        CLOUDS[cloud].build({ ...CLOUDS[cloud].good, endpoint: 'https://[::1]:8443' }),
      ).not.toThrow();
    });
  });

  it('pai also takes an endpoint as a host name, with or without a port', () => {
    for (const endpoint of ['paiautoml.cn-hangzhou.aliyuncs.com', '127.0.0.1:8443']) {
      expect(() => pai({ region: 'cn-hangzhou', endpoint })).not.toThrow();
    }
  });

  it('TypeScript refuses what plain JavaScript is refused at run time', () => {
    // @ts-expect-error region is required
    expect(() => sagemaker({})).toThrow(/region must be a region name/);
    // @ts-expect-error timeoutMs is a number
    expect(() => pai({ region: 'cn-hangzhou', timeoutMs: '100' })).toThrow(/timeoutMs must be/);
    // @ts-expect-error retry is false or an object
    expect(() => modelarts({ region: 'cn-north-4', retry: true })).toThrow(
      /retry must be false or an object/,
    );
    // @ts-expect-error hooks.onAttempt is a function
    expect(() => sagemaker({ region: 'us-east-1', hooks: { onAttempt: 1 } })).toThrow(/hooks.onAttempt/);
  });
});

describe('a call’s own options', () => {
  const sending = () => {
    const sent: string[] = [];
    const fetch: FetchLike = async (url) => {
      sent.push(url);
      return new Response('{}', { status: 400 });
    };
    return { sent, fetch };
  };

  it.each(NAMES)(
    '%s: a timeoutMs or retry of the wrong type or range is refused before sending',
    async (cloud) => {
      for (const bad of [
        { timeoutMs: 'soon' },
        { timeoutMs: 0 },
        { retry: { maxAttempts: 'x' } },
        { retry: { retries: 3 } },
        { retry: 'no' },
      ]) {
        const { sent, fetch } = sending();
        const client = CLOUDS[cloud].build({ ...CLOUDS[cloud].good, fetch }) as ReturnType<typeof sagemaker>;
        const error = await client.experiments.get('an-experiment', bad as never).catch((e: unknown) => e);
        expect(InvalidArgumentError.is(error), String(error)).toBe(true);
        expect((error as Error).message).toMatch(/^\w+: (timeoutMs|retry)\b.* (must be|is not an option)/);
        expect(sent).toEqual([]);
      }
    },
  );

  it.each(NAMES)('%s: good ones are taken', async (cloud) => {
    const { sent, fetch } = sending();
    const client = CLOUDS[cloud].build({ ...CLOUDS[cloud].good, fetch }) as ReturnType<typeof sagemaker>;
    const error = await client.experiments
      .get('an-experiment', { timeoutMs: 5_000, retry: { maxAttempts: 1 } })
      .catch((e: unknown) => e);
    expect(InvalidArgumentError.is(error)).toBe(false);
    expect(sent).toHaveLength(1);
  });
});

describe('a fetch that resolves with something that is not a Response', () => {
  const notResponses: unknown[] = [
    undefined,
    null,
    'OK',
    {},
    { status: 200 },
    { status: '200', headers: new Headers() },
  ];
  /** A fetch answering `answer` to every request, and how many requests it got. */
  const counting = (answer: unknown) => {
    const counted = {
      calls: 0,
      fetch: async () => {
        counted.calls++;
        return answer as Response;
      },
    };
    return counted;
  };
  const clients = {
    sagemaker: (fetch: FetchLike) => sagemaker({ ...CLOUDS.sagemaker.good, fetch } as never),
    pai: (fetch: FetchLike) => pai({ ...CLOUDS.pai.good, fetch } as never),
    modelarts: (fetch: FetchLike) => modelarts({ ...CLOUDS.modelarts.good, fetch } as never),
  };

  it.each(NAMES)(
    '%s: a read ends at the first attempt with an InvalidArgumentError saying so',
    async (cloud) => {
      for (const answer of notResponses) {
        const counted = counting(answer);
        const error = await clients[cloud](counted.fetch)
          .experiments.get('an-experiment')
          .catch((e: unknown) => e);
        expect(InvalidArgumentError.is(error), String(error)).toBe(true);
        expect((error as Error).message).toMatch(/^The fetch option resolved with .+, not a Response$/);
        expect(error).toMatchObject({ provider: cloud, retryable: false });
        expect(counted.calls).toBe(1);
      }
    },
  );

  it.each(NAMES)('%s: a write is neither resent nor looked up', async (cloud) => {
    const counted = counting({ status: 200 });
    await expect(clients[cloud](counted.fetch).experiments.stop('an-experiment')).rejects.toMatchObject({
      name: 'InvalidArgumentError',
    });
    expect(counted.calls).toBe(1);
  });
});
