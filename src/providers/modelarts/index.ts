/**
 * `crosstune/modelarts`: `modelarts({ region })` returns a TuningProvider for ModelArts training
 * jobs with hyperparameter search (autosearch), plus `.api`, the operations client.
 *
 * @module crosstune/modelarts
 */
import { assertSupportedNode } from '../../core/supported-node.js';

// Before anything else can fail on an older Node: one message naming the versions needed.
assertSupportedNode();

export type { AccessKeys } from './auth.js';
export type { ModelArtsExperimentOptions } from './create.js';
export { DEFAULT_IAM_ENDPOINT, type HuaweiCredentials, type IamPassword, type IamToken } from './iam.js';
export type { OffsetMeanings } from './listing.js';
export {
  type ModelArtsOptions,
  type ModelArtsProvider,
  type ModelArtsRaw,
  modelarts,
  type OffsetMeaning,
} from './provider.js';
/** ModelArts' request shapes, as `.api`'s methods take them (types only). */
export type * as ModelArtsShapes from './shapes.js';
export type {
  ModelArtsApi,
  ModelArtsAutoSearchTrialsWire,
  ModelArtsTableCell,
  ModelArtsTableRow,
  ModelArtsTrainingJobSearchWire,
  ModelArtsTrainingJobWire,
  ModelArtsTrialRaw,
  ModelArtsTrialTableWire,
  ModelArtsWorkspacesWire,
} from './wire-types.js';
