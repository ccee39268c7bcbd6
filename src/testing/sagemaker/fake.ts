import type { VirtualClock } from '../engine/clock.js';
import { assembleFake, type CloudFake, DEFAULT_FAKE_SEED, fakeParts } from '../engine/fake.js';
import { randomUuid } from '../engine/rng.js';
import { type AwsCredentials, SigV4Verifier } from './auth.js';
import { DEFAULT_FAKE_REGION, FAKE_AWS_ACCOUNT_ID, FAKE_AWS_CREDENTIALS } from './constants.js';
import { createSageMakerHandlers } from './handlers.js';
import { DEFAULT_SIMULATION, type SimulationOptions } from './simulate.js';
import { SageMakerState } from './state.js';

/** What `sagemakerFake` takes; every option has a default. */
export interface SageMakerFakeOptions {
  /** Seeds every simulated trial and request id; same seed, same run. Default 42. */
  seed?: number;
  /** Default `us-east-1`. Requests signed for another region are rejected, as AWS does. */
  region?: string;
  /** Account id inside ARNs. Default `123456789012`. */
  accountId?: string;
  /** Access keys the fake accepts. Default `[FAKE_AWS_CREDENTIALS]`. */
  credentials?: readonly AwsCredentials[];
  /** Default `https://api.sagemaker.{region}.amazonaws.com`. */
  endpoint?: string;
  /** Share one clock between fakes; default a new clock at 2026-01-01T00:00:00Z. */
  clock?: VirtualClock;
  /** Check SigV4 signatures (default true). Turn off only to debug a client's signing separately. */
  verifySignature?: boolean;
  /** Timing and failure rates of simulated training jobs. */
  simulation?: Partial<SimulationOptions>;
  /** Concurrent InProgress/Stopping tuning jobs before Create answers ResourceLimitExceeded. Default 100. */
  maxConcurrentTuningJobs?: number;
}

/** The SageMaker fake: msw handlers and the state, clock, faults and request log behind them. */
export interface SageMakerFake extends CloudFake<SageMakerState> {
  /** The account id inside ARNs. */
  readonly accountId: string;
}

/**
 * A stateful SageMaker hyperparameter-tuning service for tests, speaking the real wire protocol
 * (AWS JSON 1.1 + SigV4) through msw.
 *
 * @example
 * ```ts
 * import { sagemaker } from 'crosstune/sagemaker';
 * import { FAKE_AWS_CREDENTIALS, sagemakerFake } from 'crosstune/testing/sagemaker';
 * import { setupServer } from 'msw/node';
 *
 * const fake = sagemakerFake({ seed: 7 });
 * const server = setupServer(...fake.handlers);
 * server.listen({ onUnhandledFrame: 'error' });
 *
 * fake.state.seedTuningJob({ name: 'churn-tune', status: 'InProgress', maxNumberOfTrainingJobs: 8 });
 * const cloud = sagemaker({ region: fake.region, credentials: FAKE_AWS_CREDENTIALS });
 * const ended = await cloud.experiments.wait('churn-tune', { scheduler: fake.clock }); // hours pass at once
 * server.close();
 * ```
 */
export function sagemakerFake(options: SageMakerFakeOptions = {}): SageMakerFake {
  const seed = options.seed ?? DEFAULT_FAKE_SEED;
  const region = options.region ?? DEFAULT_FAKE_REGION;
  const accountId = options.accountId ?? FAKE_AWS_ACCOUNT_ID;
  const endpoint = new URL(options.endpoint ?? `https://api.sagemaker.${region}.amazonaws.com`);
  const parts = fakeParts('sagemaker', seed, options.clock);
  const { clock, faults, log } = parts;
  const state = new SageMakerState({
    seed,
    region,
    accountId,
    clock,
    simulation: { ...DEFAULT_SIMULATION, ...options.simulation },
    maxConcurrentTuningJobs: options.maxConcurrentTuningJobs ?? 100,
  });
  const verifier =
    options.verifySignature === false
      ? undefined
      : new SigV4Verifier({
          credentials: options.credentials ?? [FAKE_AWS_CREDENTIALS],
          region,
          service: 'sagemaker',
        });

  const handlers = createSageMakerHandlers({
    endpoint,
    state,
    clock,
    faults,
    log,
    verifier,
    nextRequestId: () => randomUuid(parts.requestIds()),
  });

  return { ...assembleFake(parts, { handlers, endpoint, region, state }), accountId };
}
