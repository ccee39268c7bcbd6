/**
 * `crosstune/testing/pai`: the stateful PAI fake alone, as msw handlers (what `crosstune/testing`
 * offers for PAI, with the engine every fake shares: virtual clock, faults, loopback server).
 *
 * @module crosstune/testing/pai
 */
import { assertSupportedNode } from '../../core/supported-node.js';

// Before anything else can fail on an older Node: one message naming the versions needed.
assertSupportedNode();

export * from '../engine/public.js';
export {
  DEFAULT_PAI_REGION,
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_ALIYUN_USER_ID,
  PAI_API_VERSION,
} from './constants.js';
export { type PaiFake, type PaiFakeOptions, paiFake } from './fake.js';
export {
  DEFAULT_SEED_CONFIGURATION as DEFAULT_PAI_SEED_CONFIGURATION,
  type SeedExperimentInput as PaiSeedExperimentInput,
} from './seed.js';
export {
  DEFAULT_SIMULATION as DEFAULT_PAI_SIMULATION,
  type SimulationOptions as PaiSimulationOptions,
} from './simulate.js';
export type { PaiState } from './state.js';
export type {
  AliyunCredentials,
  ExperimentRecord as PaiExperimentRecord,
  ExperimentStatus as PaiExperimentStatus,
  TrialRecord as PaiTrialRecord,
  TrialStatus as PaiTrialStatus,
} from './types.js';
