/**
 * The three clouds' fakes behind one msw server, and a client of each pointed at its fake with
 * the same transport options, for the tests that hold every cloud to the same guarantee.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AttemptEvent, FetchLike } from '../../../src/index.js';
import { modelarts } from '../../../src/providers/modelarts/index.js';
import { pai } from '../../../src/providers/pai/index.js';
import { sagemaker } from '../../../src/providers/sagemaker/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
  modelartsFake,
  paiFake,
  sagemakerFake,
} from '../../../src/testing/index.js';

export const FAST = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 5 };

export type Hooks = { onAttempt(e: AttemptEvent): void };

export function recorder(): { events: AttemptEvent[]; hooks: Hooks } {
  const events: AttemptEvent[] = [];
  return { events, hooks: { onAttempt: (event) => events.push(event) } };
}

/** The fakes for one test file, reset after each test. */
export function useCloudFakes(seed: number) {
  const fakes = { sm: sagemakerFake({ seed }), ali: paiFake({ seed }), hw: modelartsFake({ seed }) };
  const server = setupServer(...fakes.sm.handlers, ...fakes.ali.handlers, ...fakes.hw.handlers);
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    fakes.sm.reset();
    fakes.ali.reset();
    fakes.hw.reset();
  });
  afterAll(() => server.close());
  return fakes;
}

type Fakes = ReturnType<typeof useCloudFakes>;
export type Extra = { fetch?: FetchLike; hooks?: Hooks };

/** A client of each cloud, signed with its fake's credentials (ModelArts with access keys and a project). */
export function clients({ sm, ali, hw }: Fakes) {
  return {
    sagemaker: (extra: Extra = {}) =>
      sagemaker({ region: sm.region, credentials: FAKE_AWS_CREDENTIALS, retry: FAST, ...extra }),
    pai: (extra: Extra = {}) =>
      pai({
        region: ali.region,
        endpoint: ali.endpoint,
        credentials: FAKE_ALIYUN_CREDENTIALS,
        retry: FAST,
        ...extra,
      }),
    modelarts: (extra: Extra = {}) =>
      modelarts({
        region: hw.region,
        endpoint: hw.endpoint,
        iamEndpoint: hw.iamEndpoint,
        projectId: hw.projectId,
        credentials: FAKE_HUAWEI_CREDENTIALS,
        retry: FAST,
        ...extra,
      }),
  };
}

export const CLOUD_NAMES = ['sagemaker', 'pai', 'modelarts'] as const;
