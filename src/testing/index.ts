/**
 * `crosstune/testing`: stateful fakes of the tuning services for tests, as msw handlers.
 * The fakes speak each cloud's real wire protocol, so the official SDKs work against them too.
 */
export { createVirtualClock, DEFAULT_FAKE_START, type VirtualClock } from './engine/clock.js';
export { DEFAULT_FAULT_DELAY_MS } from './engine/fault-response.js';
export { type Fault, FaultInjector, type FaultKind, type FaultSpec } from './engine/faults.js';
export type { LoggedRequest } from './engine/request-log.js';
export { deriveRng, type Rng } from './engine/rng.js';
export { type LoopbackServer, startLoopbackServer } from './loopback.js';
export type { AwsCredentials } from './sagemaker/auth.js';
export {
  DEFAULT_FAKE_REGION,
  DEFAULT_FAKE_SEED,
  FAKE_AWS_ACCOUNT_ID,
  FAKE_AWS_CREDENTIALS,
} from './sagemaker/constants.js';
export { type SageMakerFake, type SageMakerFakeOptions, sagemakerFake } from './sagemaker/index.js';
export type {
  SeedTrainingJobsOptions as SageMakerSeedTrainingJobsOptions,
  SeedTuningJobInput as SageMakerSeedTuningJobInput,
} from './sagemaker/seed.js';
export {
  DEFAULT_SIMULATION as DEFAULT_SAGEMAKER_SIMULATION,
  type SimulationOptions as SageMakerSimulationOptions,
} from './sagemaker/simulate.js';
export type { SageMakerState } from './sagemaker/state.js';
export type {
  TrainingJobRecord as SageMakerTrainingJobRecord,
  TrainingJobStatus as SageMakerTrainingJobStatus,
  TuningJobRecord as SageMakerTuningJobRecord,
  TuningJobStatus as SageMakerTuningJobStatus,
} from './sagemaker/types.js';
