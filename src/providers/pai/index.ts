/**
 * `crosstune/pai`: `pai({ region })` returns a TuningProvider for Alibaba Cloud PAI AutoML
 * hyperparameter optimization (HPO experiments and trials), plus `.api`, the complete operations
 * client (all 18 operations of paiautoml 2022-08-28).
 *
 * Requests are signed by Alibaba's own signer (ACS3-HMAC-SHA256, `@alicloud/openapi-util`) and
 * sent through crosstune's transport, like every other cloud's: `fetch`, `dispatcher` (proxies),
 * hooks, time limits and aborts work the same. An `http://` endpoint (a local fake) is sent over
 * plain HTTP.
 *
 * @module crosstune/pai
 */
import { assertSupportedNode } from '../../core/supported-node.js';

// Before anything else can fail on an older Node: one message naming the versions needed.
assertSupportedNode();

export type { AlibabaCredentialProvider, AlibabaCredentials } from './auth.js';
export type { PaiExperimentOptions } from './create.js';
export type { TrialStopResult } from './normalize.js';
export { type PaiOptions, type PaiProvider, type PaiRaw, pai } from './provider.js';
/** PAI AutoML's request shapes, as `.api`'s methods take them (types only). */
export type * as PaiShapes from './shapes.js';
export type {
  AutofeExperimentResult,
  CommandsResult,
  CreatedExperimentResult,
  GetHpoExperimentResult,
  GetHpoTrialResult,
  ListHpoExperimentsResult,
  ListHpoTrialsResult,
  PaiApi,
  PaiExperimentWire,
  PaiTrainingJobRaw,
  PaiTrialWire,
} from './wire-types.js';
