/**
 * `crosstune/testing`: stateful fakes of the tuning services for tests, as msw handlers.
 * The fakes speak each cloud's real wire protocol, so the official SDKs work against them too.
 */
import { assertSupportedNode } from '../core/supported-node.js';

// Before anything else can fail on an older Node: one message naming the versions needed.
assertSupportedNode();

/** The JSON objects the fakes record and are seeded with. */
export type { JsonObject } from '../core/fields.js';
export { createVirtualClock, DEFAULT_FAKE_START, type VirtualClock } from './engine/clock.js';
export { type CloudFake, DEFAULT_FAKE_SEED } from './engine/fake.js';
export { DEFAULT_FAULT_DELAY_MS } from './engine/fault-response.js';
export { type Fault, FaultInjector, type FaultKind, type FaultSpec } from './engine/faults.js';
export type { LoggedRequest } from './engine/request-log.js';
export { deriveRng, type Rng } from './engine/rng.js';
export { type LoopbackServer, startLoopbackServer } from './loopback.js';
export {
  DEFAULT_HUAWEI_IAM_ENDPOINT,
  DEFAULT_MODELARTS_REGION,
  FAKE_HUAWEI_CREDENTIALS,
  FAKE_HUAWEI_DOMAIN_ID,
  FAKE_HUAWEI_USER,
  FAKE_HUAWEI_USER_ID,
  FAKE_MODELARTS_PROJECT_ID,
} from './modelarts/constants.js';
export { type ModelArtsFake, type ModelArtsFakeOptions, modelartsFake } from './modelarts/index.js';
export type {
  OffsetMeaning as ModelArtsOffsetMeaning,
  OffsetMeanings as ModelArtsOffsetMeanings,
} from './modelarts/paging.js';
export {
  DEFAULT_SEED_ALGORITHM as DEFAULT_MODELARTS_SEED_ALGORITHM,
  DEFAULT_SEED_AUTO_SEARCH as DEFAULT_MODELARTS_SEED_AUTO_SEARCH,
  type SeedJobInput as ModelArtsSeedJobInput,
  type SeedWorkspaceInput as ModelArtsSeedWorkspaceInput,
} from './modelarts/seed.js';
export {
  DEFAULT_SIMULATION as DEFAULT_MODELARTS_SIMULATION,
  type SimulationOptions as ModelArtsSimulationOptions,
} from './modelarts/simulate.js';
export type { ModelArtsState } from './modelarts/state.js';
export type {
  TokenIdentity as ModelArtsTokenIdentity,
  TokenRecord as ModelArtsTokenRecord,
} from './modelarts/tokens.js';
export type {
  AutoSearchSpec as ModelArtsAutoSearchSpec,
  FakeHuaweiAccessKey,
  HuaweiUser,
  JobPhase as ModelArtsJobPhase,
  JobRecord as ModelArtsJobRecord,
  TrialRecord as ModelArtsTrialRecord,
  TrialReport as ModelArtsTrialReport,
  TrialStatus as ModelArtsTrialStatus,
  WorkspaceRecord as ModelArtsWorkspaceRecord,
} from './modelarts/types.js';
export {
  DEFAULT_PAI_REGION,
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_ALIYUN_USER_ID,
  PAI_API_VERSION,
} from './pai/constants.js';
export { type PaiFake, type PaiFakeOptions, paiFake } from './pai/index.js';
export {
  DEFAULT_SEED_CONFIGURATION as DEFAULT_PAI_SEED_CONFIGURATION,
  type SeedExperimentInput as PaiSeedExperimentInput,
} from './pai/seed.js';
export {
  DEFAULT_SIMULATION as DEFAULT_PAI_SIMULATION,
  type SimulationOptions as PaiSimulationOptions,
} from './pai/simulate.js';
export type { PaiState } from './pai/state.js';
export type {
  AliyunCredentials,
  ExperimentRecord as PaiExperimentRecord,
  ExperimentStatus as PaiExperimentStatus,
  TrialRecord as PaiTrialRecord,
  TrialStatus as PaiTrialStatus,
} from './pai/types.js';
export type { AwsCredentials } from './sagemaker/auth.js';
export {
  DEFAULT_FAKE_REGION,
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
