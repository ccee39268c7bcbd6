/**
 * `crosstune/testing/sagemaker`: the stateful SageMaker fake alone, as msw handlers (what `crosstune/testing`
 * offers for SageMaker, with the engine every fake shares: virtual clock, faults, loopback server).
 *
 * @module crosstune/testing/sagemaker
 */
import { assertSupportedNode } from '../../core/supported-node.js';

// Before anything else can fail on an older Node: one message naming the versions needed.
assertSupportedNode();

export * from '../engine/public.js';
export type { AwsCredentials } from './auth.js';
export {
  DEFAULT_FAKE_REGION,
  FAKE_AWS_ACCOUNT_ID,
  FAKE_AWS_CREDENTIALS,
} from './constants.js';
export { type SageMakerFake, type SageMakerFakeOptions, sagemakerFake } from './fake.js';
export type {
  SeedTrainingJobsOptions as SageMakerSeedTrainingJobsOptions,
  SeedTuningJobInput as SageMakerSeedTuningJobInput,
} from './seed.js';
export {
  DEFAULT_SIMULATION as DEFAULT_SAGEMAKER_SIMULATION,
  type SimulationOptions as SageMakerSimulationOptions,
} from './simulate.js';
export type { SageMakerState } from './state.js';
export type {
  TrainingJobRecord as SageMakerTrainingJobRecord,
  TrainingJobStatus as SageMakerTrainingJobStatus,
  TuningJobRecord as SageMakerTuningJobRecord,
  TuningJobStatus as SageMakerTuningJobStatus,
} from './types.js';
