/**
 * `crosstune/testing/modelarts`: the stateful ModelArts fake alone, as msw handlers (what `crosstune/testing`
 * offers for ModelArts, with the engine every fake shares: virtual clock, faults, loopback server).
 *
 * @module crosstune/testing/modelarts
 */
import { assertSupportedNode } from '../../core/supported-node.js';

// Before anything else can fail on an older Node: one message naming the versions needed.
assertSupportedNode();

export * from '../engine/public.js';
export {
  DEFAULT_HUAWEI_IAM_ENDPOINT,
  DEFAULT_MODELARTS_REGION,
  FAKE_HUAWEI_CREDENTIALS,
  FAKE_HUAWEI_DOMAIN_ID,
  FAKE_HUAWEI_USER,
  FAKE_HUAWEI_USER_ID,
  FAKE_MODELARTS_PROJECT_ID,
} from './constants.js';
export { type ModelArtsFake, type ModelArtsFakeOptions, modelartsFake } from './fake.js';
export type {
  OffsetMeaning as ModelArtsOffsetMeaning,
  OffsetMeanings as ModelArtsOffsetMeanings,
} from './paging.js';
export {
  DEFAULT_SEED_ALGORITHM as DEFAULT_MODELARTS_SEED_ALGORITHM,
  DEFAULT_SEED_AUTO_SEARCH as DEFAULT_MODELARTS_SEED_AUTO_SEARCH,
  type SeedJobInput as ModelArtsSeedJobInput,
  type SeedWorkspaceInput as ModelArtsSeedWorkspaceInput,
} from './seed.js';
export {
  DEFAULT_SIMULATION as DEFAULT_MODELARTS_SIMULATION,
  type SimulationOptions as ModelArtsSimulationOptions,
} from './simulate.js';
export type { ModelArtsState } from './state.js';
export type {
  TokenIdentity as ModelArtsTokenIdentity,
  TokenRecord as ModelArtsTokenRecord,
} from './tokens.js';
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
} from './types.js';
