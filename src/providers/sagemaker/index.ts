/**
 * `crosstune/sagemaker`: `sagemaker({ region })` returns a TuningProvider for SageMaker
 * hyperparameter tuning jobs, plus `.api`, the complete operations client.
 *
 * @module crosstune/sagemaker
 */
import { assertSupportedNode } from '../../core/supported-node.js';

// Before anything else can fail on an older Node: one message naming the versions needed.
assertSupportedNode();

export type { AwsCredentialProvider, AwsCredentials } from './auth.js';
export type { SageMakerExperimentOptions } from './create.js';
export { type SageMakerOptions, type SageMakerProvider, type SageMakerRaw, sagemaker } from './provider.js';
/** SageMaker's request and response structures, generated from its service model (types only). */
export type * as SageMakerShapes from './shapes.js';
export type {
  CreateHyperParameterTuningJobResult,
  DescribeHyperParameterTuningJobResult,
  DescribeTrainingJobResult,
  ListHyperParameterTuningJobsResult,
  ListTrainingJobsForHyperParameterTuningJobResult,
  SageMakerApi,
  SageMakerTrainingJobSummaryWire,
  SageMakerTuningJobSummaryWire,
} from './wire-types.js';
