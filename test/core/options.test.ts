/**
 * Options at the edges of what they take: the ends of every range, URLs that hide credentials in
 * either half, names that objects inherit, and what a call's own refused option says.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';
import { modelarts } from '../../src/providers/modelarts/index.js';
import { pai } from '../../src/providers/pai/index.js';
import { sagemaker } from '../../src/providers/sagemaker/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
} from '../../src/testing/index.js';

const good = { region: 'us-east-1', endpoint: 'http://127.0.0.1:9/', credentials: FAKE_AWS_CREDENTIALS };
const build = (extra: Record<string, unknown>) => () => sagemaker({ ...good, ...extra } as never);
const paiWith = (extra: Record<string, unknown>) => () =>
  pai({ region: 'cn-hangzhou', credentials: FAKE_ALIYUN_CREDENTIALS, ...extra } as never);

describe('client options at their edges', () => {
  it('takes the ends of every range and refuses one past them', () => {
    for (const retry of [
      { maxAttempts: 1 },
      { maxAttempts: 1000 },
      { baseDelayMs: 0, throttlingBaseDelayMs: 0, maxDelayMs: 0, maxElapsedMs: 0 },
      { maxDelayMs: 2 ** 31 - 1 },
    ]) {
      expect(build({ retry }), JSON.stringify(retry)).not.toThrow();
    }
    expect(build({ retry: { maxAttempts: 1001 } })).toThrow(
      'sagemaker(): retry.maxAttempts must be an integer from 1 to 1000, got 1001',
    );
    expect(build({ retry: { throttlingBaseDelayMs: -0.5 } })).toThrow(
      'retry.throttlingBaseDelayMs must be a number of milliseconds from 0 to 2147483647, got -0.5',
    );
    for (const pageConcurrency of [1, 64]) expect(paiWith({ pageConcurrency })).not.toThrow();
    expect(paiWith({ pageConcurrency: 65 })).toThrow(
      'pageConcurrency must be an integer from 1 to 64, got 65',
    );
  });

  it('shows what it refused by kind, never a secret', () => {
    expect(build({ fetch: [] })).toThrow('fetch must be a function, got an array');
    expect(build({ hooks: null })).toThrow('hooks must be an object of hook functions, got null');
    for (const endpoint of ['https://user@127.0.0.1/', 'https://:hunter2@127.0.0.1/']) {
      expect(build({ endpoint })).toThrow(
        'endpoint must be an http:// or https:// URL without credentials, query or fragment, got a URL with credentials in it',
      );
    }
    expect(build({ credentials: 7 })).toThrow(/credentials must be .*, got 7$/);
  });

  it('checks every key of a settings object, a bad one after good ones too', () => {
    expect(build({ retry: { maxAttempts: 2, baseDelayMs: -1 } })).toThrow('retry.baseDelayMs must be');
  });

  it('an endpoint given as a URL object, a dispatcher that is null or a function, are refused by name', () => {
    expect(build({ endpoint: new URL('http://127.0.0.1:9/') })).toThrow(
      'endpoint must be an http:// or https:// URL without credentials, query or fragment, got an object',
    );
    const dispatcher = 'dispatcher must be an undici Dispatcher (such as new ProxyAgent(url)), got';
    expect(build({ dispatcher: null })).toThrow(`${dispatcher} null`);
    expect(build({ dispatcher: Object.assign(() => undefined, { dispatch: () => true }) })).toThrow(
      `${dispatcher} a function`,
    );
  });

  it('one of a set of words: each word is taken', () => {
    for (const meaning of ['record', 'page']) {
      expect(() =>
        modelarts({
          region: 'cn-north-4',
          projectId: 'p1',
          credentials: FAKE_HUAWEI_CREDENTIALS,
          offsetMeaning: { trials: meaning },
        } as never),
      ).not.toThrow();
    }
  });

  it('a credentials function where the cloud takes one', () => {
    expect(build({ credentials: async () => FAKE_AWS_CREDENTIALS })).not.toThrow();
  });

  it('a name every object inherits is no option', () => {
    expect(build({ retry: { toString: 1 } })).toThrow(
      'sagemaker(): retry.toString is not an option (known: maxAttempts, baseDelayMs, throttlingBaseDelayMs, maxDelayMs, maxElapsedMs)',
    );
  });

  it('a call’s refused option names the call, its provider and operation', async () => {
    const client = sagemaker({ ...good, fetch: async () => new Response('{}') });
    const error = await client.experiments.get('x', { timeoutMs: -1 }).catch((e: unknown) => e);
    expect(InvalidArgumentError.is(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'sagemaker',
      operation: 'DescribeHyperParameterTuningJob',
      message:
        'DescribeHyperParameterTuningJob: timeoutMs must be a number of milliseconds from 1 to 2147483647, got -1',
    });
  });
});
