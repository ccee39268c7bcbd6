import type { VirtualClock } from '../engine/clock.js';
import { assembleFake, type CloudFake, DEFAULT_FAKE_SEED, fakeParts } from '../engine/fake.js';
import { randomHex } from '../engine/rng.js';
import { AkSkVerifier } from './aksk.js';
import {
  DEFAULT_HUAWEI_IAM_ENDPOINT,
  DEFAULT_MODELARTS_REGION,
  defaultModelArtsEndpoint,
  FAKE_HUAWEI_CREDENTIALS,
  FAKE_HUAWEI_USER,
  FAKE_MODELARTS_PROJECT_ID,
} from './constants.js';
import { createModelArtsHandlers } from './handlers.js';
import { DEFAULT_OFFSET_MEANINGS, type OffsetMeanings } from './paging.js';
import { DEFAULT_SIMULATION, type SimulationOptions } from './simulate.js';
import { ModelArtsState } from './state.js';
import type { FakeHuaweiAccessKey, HuaweiUser } from './types.js';

/** What `modelartsFake` takes; every option has a default. */
export interface ModelArtsFakeOptions {
  /** Seeds every simulated trial, id, token and request id; same seed, same run. Default 42. */
  seed?: number;
  /** Default `cn-north-4`; part of the default endpoint, and the name of the fake's IAM project. */
  region?: string;
  /** Default `https://modelarts.{region}.myhuaweicloud.com` (`.cn` for ap-southeast-1). */
  endpoint?: string;
  /** Where the fake's IAM listens. Default `https://iam.myhuaweicloud.com`. */
  iamEndpoint?: string;
  /** The one project the fake serves (32 hex digits). Default {@link FAKE_MODELARTS_PROJECT_ID}. */
  projectId?: string;
  /** AK/SK pairs the fake accepts. Default `[FAKE_HUAWEI_CREDENTIALS]`. */
  credentials?: readonly FakeHuaweiAccessKey[];
  /** IAM users whose password gets a token. Default `[FAKE_HUAWEI_USER]`. */
  users?: readonly HuaweiUser[];
  /** Share one clock between fakes; default a new clock at 2026-01-01T00:00:00Z. */
  clock?: VirtualClock;
  /** Check tokens and AK/SK signatures (default true). Turn off only to debug a client's signing separately. */
  verifySignature?: boolean;
  /**
   * The time `X-Sdk-Date` must be within 15 minutes of: `wall` (default), real time, as clients sign
   * with the time they live in; or `virtual`, the fake's clock, so a test can move the clock past a
   * signature (sign with `new Date(fake.clock.now())`).
   */
  signatureClock?: 'virtual' | 'wall';
  /** Lock an AK for 5 minutes (virtual) after 5 failed signatures in a row, as API Gateway does. Default true. */
  akLockout?: boolean;
  /** What `offset` counts, per API: records or pages. Default trials `record`, searches `page`. */
  offsetMeaning?: OffsetMeanings;
  /** Timing, failure rate and metric columns of simulated jobs and trials. */
  simulation?: Partial<SimulationOptions>;
}

/** The ModelArts fake (with its IAM): msw handlers and the state, clock, faults and request log behind them. */
export interface ModelArtsFake extends CloudFake<ModelArtsState> {
  /** The IAM endpoint, e.g. `https://iam.myhuaweicloud.com`. */
  readonly iamEndpoint: string;
  /** The project id every ModelArts path must carry. */
  readonly projectId: string;
}

/**
 * A stateful Huawei Cloud ModelArts (training jobs + AutoSearch trials) and IAM for tests,
 * speaking the real wire protocol — JSON, X-Auth-Token or SDK-HMAC-SHA256 — through msw.
 *
 * @example
 * ```ts
 * import { modelarts } from 'crosstune/modelarts';
 * import { FAKE_HUAWEI_CREDENTIALS, modelartsFake } from 'crosstune/testing/modelarts';
 * import { setupServer } from 'msw/node';
 *
 * const fake = modelartsFake({ seed: 7 });
 * const server = setupServer(...fake.handlers);
 * server.listen({ onUnhandledFrame: 'error' });
 *
 * const job = fake.state.seedJob({ name: 'seeded' });
 * const cloud = modelarts({
 *   region: fake.region,
 *   endpoint: fake.endpoint,
 *   projectId: fake.projectId,
 *   credentials: FAKE_HUAWEI_CREDENTIALS,
 * });
 * fake.clock.advance(2 * 60 * 60_000); // two hours of searching happen
 * console.log(await cloud.trials.list(job.id).toArray());
 * server.close();
 * ```
 */
export function modelartsFake(options: ModelArtsFakeOptions = {}): ModelArtsFake {
  const seed = options.seed ?? DEFAULT_FAKE_SEED;
  const region = options.region ?? DEFAULT_MODELARTS_REGION;
  const projectId = options.projectId ?? FAKE_MODELARTS_PROJECT_ID;
  const endpoint = new URL(options.endpoint ?? defaultModelArtsEndpoint(region));
  const iamEndpoint = new URL(options.iamEndpoint ?? DEFAULT_HUAWEI_IAM_ENDPOINT);
  const parts = fakeParts('modelarts', seed, options.clock);
  const { clock, faults, log } = parts;
  const simulation = { ...DEFAULT_SIMULATION, ...options.simulation };
  const state = new ModelArtsState({ seed, clock, simulation, region, projectId });
  const aksk =
    options.verifySignature === false
      ? undefined
      : new AkSkVerifier({
          credentials: options.credentials ?? [FAKE_HUAWEI_CREDENTIALS],
          now: options.signatureClock === 'virtual' ? clock.now : Date.now,
          lockClock: clock.now,
          lockout: options.akLockout ?? true,
        });

  const handlers = createModelArtsHandlers({
    endpoint,
    iamEndpoint,
    state,
    faults,
    log,
    auth: { tokens: { get: (token) => state.token(token) }, aksk, now: clock.now },
    users: options.users ?? [FAKE_HUAWEI_USER],
    offsetMeanings: { ...DEFAULT_OFFSET_MEANINGS, ...options.offsetMeaning },
    // 32 lower-case hex digits, as API Gateway's request ids are.
    nextRequestId: () => randomHex(parts.requestIds(), 32),
  });

  return {
    ...assembleFake(parts, { handlers, endpoint, region, state }, [aksk]),
    iamEndpoint: iamEndpoint.href.replace(/\/$/, ''),
    projectId,
  };
}
