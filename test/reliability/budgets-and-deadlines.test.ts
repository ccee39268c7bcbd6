/**
 * On every cloud, against its fake (issue 9, items 6 and 7; issue 10's policies in core):
 * - `timeoutMs` and `signal` hold whatever the injected fetch does;
 * - one retry budget per call: ModelArts' IAM look-ups draw from the call's budget (IAM answering
 *   503 costs 4 requests, not 16) and hook events report only attempts that were sent;
 * - credentials from a provider are asked for again once after the cloud refused them.
 */
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  type CrosstuneError,
  type FetchLike,
  ServiceError,
  TimeoutError,
} from '../../src/index.js';
import { modelarts } from '../../src/providers/modelarts/index.js';
import { pai } from '../../src/providers/pai/index.js';
import { sagemaker } from '../../src/providers/sagemaker/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
  FAKE_HUAWEI_USER,
} from '../../src/testing/index.js';
import { CLOUD_NAMES, clients, FAST, recorder, useCloudFakes } from './helpers/clouds.js';

const fakes = useCloudFakes(4);
const { sm, ali, hw } = fakes;
const clouds = clients(fakes);
const NAMES = CLOUD_NAMES;

describe('deadlines hold whatever the injected fetch does', () => {
  const neverSettles: FetchLike = () => new Promise<Response>(() => undefined);
  const ignoresSignal: FetchLike = async (url, init) => {
    const { signal: _ignored, ...rest } = init;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return globalThis.fetch(url, rest);
  };

  it.each(NAMES)('%s: a fetch that never settles, or ignores its signal, ends at timeoutMs', async (name) => {
    for (const fetch of [neverSettles, ignoresSignal]) {
      const started = performance.now();
      const error = await clouds[name]({ fetch })
        .experiments.get('any-id', { timeoutMs: 200, retry: false })
        .catch((e: CrosstuneError) => e);
      expect(TimeoutError.is(error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(200 + 150);
    }
  });

  it.each(NAMES)('%s: the caller’s signal ends the call at once, whatever the fetch does', async (name) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await clouds[name]({ fetch: neverSettles })
      .experiments.get('any-id', { signal: controller.signal })
      .catch((e: CrosstuneError) => e);
    expect(AbortError.is(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(100 + 150);
  });
});

describe('ModelArts: IAM look-ups share the call’s retry budget', () => {
  const iamCalls = (operation: string) => hw.requests.filter((r) => r.operation === operation).length;

  it('a password login against an IAM answering 503: 4 token requests, not 16; events only for them', async () => {
    hw.faults.inject({
      kind: 'server-error',
      status: 503,
      operation: 'KeystoneCreateUserTokenByPassword',
      times: Number.POSITIVE_INFINITY,
    });
    const { events, hooks } = recorder();
    const cloud = modelarts({
      region: hw.region,
      endpoint: hw.endpoint,
      iamEndpoint: hw.iamEndpoint,
      credentials: FAKE_HUAWEI_USER,
      retry: FAST,
      hooks,
    });
    const error = await cloud.experiments.get('any-job').catch((e: CrosstuneError) => e);
    expect(ServiceError.is(error)).toBe(true);
    expect(iamCalls('KeystoneCreateUserTokenByPassword')).toBe(4);
    expect(hw.requests).toHaveLength(4);
    expect(events.map((e) => [e.operation, e.attempt, e.httpStatus])).toEqual([
      ['KeystoneCreateUserTokenByPassword', 1, 503],
      ['KeystoneCreateUserTokenByPassword', 2, 503],
      ['KeystoneCreateUserTokenByPassword', 3, 503],
      ['KeystoneCreateUserTokenByPassword', 4, 503],
    ]);
  });

  it('a project look-up against an IAM answering 503: 4 requests in all', async () => {
    hw.faults.inject({
      kind: 'server-error',
      status: 503,
      operation: 'KeystoneListProjects',
      times: Number.POSITIVE_INFINITY,
    });
    const cloud = modelarts({
      region: hw.region,
      endpoint: hw.endpoint,
      iamEndpoint: hw.iamEndpoint,
      credentials: FAKE_HUAWEI_CREDENTIALS,
      retry: FAST,
    });
    await cloud.experiments.get('any-job').catch(() => undefined);
    expect(iamCalls('KeystoneListProjects')).toBe(4);
    expect(hw.requests).toHaveLength(4);
  });
});

describe('credentials from a provider, asked for again once after a refusal', () => {
  it('sagemaker: a refused key is replaced by the provider’s next answer', async () => {
    sm.state.seedTuningJob({ name: 'renewed' });
    const handed = [{ accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: 'not-a-key-the-fake-knows' }];
    let asked = 0;
    const cloud = sagemaker({
      region: 'us-east-1',
      retry: FAST,
      credentials: async () => {
        asked++;
        return handed.shift() ?? FAKE_AWS_CREDENTIALS;
      },
    });
    expect((await cloud.experiments.get('renewed')).id).toBe('renewed');
    expect(asked).toBe(2);
    expect(sm.requests.map((r) => r.status)).toEqual([400, 200]);
  });

  it('pai: a refused key is replaced by the provider’s next answer', async () => {
    const seeded = ali.state.seedExperiment({ name: 'renewed' });
    const handed = [{ accessKeyId: 'LTAIunknownKey000001', accessKeySecret: 'not-a-key-the-fake-knows' }];
    let asked = 0;
    const cloud = pai({
      region: ali.region,
      endpoint: ali.endpoint,
      retry: FAST,
      credentials: async () => {
        asked++;
        return handed.shift() ?? FAKE_ALIYUN_CREDENTIALS;
      },
    });
    expect((await cloud.experiments.get(seeded.id)).id).toBe(seeded.id);
    expect(asked).toBe(2);
    expect(ali.requests).toHaveLength(2);
  });

  it('fixed keys the cloud refuses are not sent again', async () => {
    const cloud = sagemaker({
      region: 'us-east-1',
      retry: FAST,
      credentials: { accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: 'not-a-key-the-fake-knows' },
    });
    await cloud.experiments.get('any').catch(() => undefined);
    expect(sm.requests).toHaveLength(1);
  });
});
