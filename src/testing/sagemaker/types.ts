/** The subset of SageMaker's wire shapes (AWS JSON 1.1, PascalCase members) the fake reads and keeps. */

import type { JsonObject } from '../../core/fields.js';

export type { JsonObject };

export const TUNING_JOB_STATUSES = [
  'Completed',
  'InProgress',
  'Failed',
  'Stopped',
  'Stopping',
  'Deleting',
  'DeleteFailed',
] as const;
/**
 * A tuning job's `HyperParameterTuningJobStatus` in the fake.
 *
 * @useDeclaredType
 */
export type TuningJobStatus = (typeof TUNING_JOB_STATUSES)[number];

export const TRAINING_JOB_STATUSES = [
  'InProgress',
  'Completed',
  'Failed',
  'Stopping',
  'Stopped',
  'Deleting',
] as const;
/**
 * A training job's `TrainingJobStatus` in the fake.
 *
 * @useDeclaredType
 */
export type TrainingJobStatus = (typeof TRAINING_JOB_STATUSES)[number];

export const STRATEGIES = ['Bayesian', 'Random', 'Hyperband', 'Grid'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const OBJECTIVE_TYPES = ['Maximize', 'Minimize'] as const;
export type ObjectiveType = (typeof OBJECTIVE_TYPES)[number];

export const SCALING_TYPES = ['Auto', 'Linear', 'Logarithmic', 'ReverseLogarithmic'] as const;
export type ScalingType = (typeof SCALING_TYPES)[number];

export type ObjectiveStatus = 'Succeeded' | 'Pending' | 'Failed';

export interface NumericParameterRange {
  Name: string;
  MinValue: string;
  MaxValue: string;
  ScalingType?: ScalingType;
}

export interface CategoricalParameterRange {
  Name: string;
  Values: string[];
}

export interface AutoParameter {
  Name: string;
  ValueHint: string;
}

export interface ParameterRanges {
  IntegerParameterRanges?: NumericParameterRange[];
  ContinuousParameterRanges?: NumericParameterRange[];
  CategoricalParameterRanges?: CategoricalParameterRange[];
  AutoParameters?: AutoParameter[];
}

export interface TuningObjective {
  Type: ObjectiveType;
  MetricName: string;
}

/** One training-job definition after validation, with the effective objective and ranges resolved. */
export interface DefinitionSpec {
  readonly name: string | undefined;
  /** The definition exactly as the client sent it; echoed by Describe calls. */
  readonly raw: JsonObject;
  readonly objective: TuningObjective;
  readonly ranges: ParameterRanges;
  readonly staticHyperParameters: Readonly<Record<string, string>>;
}

export interface TuningSpec {
  readonly strategy: Strategy;
  readonly objective: TuningObjective;
  readonly maxJobs: number;
  readonly maxParallel: number;
  /** Early stopping is on (TrainingJobEarlyStoppingType Auto, or Hyperband's built-in stopping). */
  readonly earlyStopping: boolean;
  readonly targetObjectiveValue: number | undefined;
  readonly definitions: readonly DefinitionSpec[];
}

/** A tuning job as the SageMaker fake keeps it (`state.tuningJob(name)`); times in virtual epoch ms. */
export interface TuningJobRecord {
  readonly name: string;
  readonly arn: string;
  /** How many earlier jobs had this name; keeps re-created jobs' training-job names fresh. */
  readonly generation: number;
  /** The CreateHyperParameterTuningJob body, echoed by Describe. */
  readonly request: JsonObject;
  readonly spec: TuningSpec;
  readonly createdAt: number;
  /** Seeded jobs in a terminal state are never touched by the simulation. */
  readonly frozen: boolean;
  status: TuningJobStatus;
  lastModifiedAt: number;
  endedAt: number | undefined;
  failureReason: string | undefined;
  stopRequestedAt: number | undefined;
  /** Virtual time up to which launches and completions have been applied. */
  simTime: number;
  launched: number;
  noMoreLaunches: boolean;
  /** Too many failures before any success: the job ends Failed even if a trial still running succeeds. */
  gaveUp: boolean;
  readonly trainingJobNames: string[];
}

export interface TrainingFailure {
  readonly reason: string;
  /** Internal errors count as RetryableError, client/algorithm errors as NonRetryableError. */
  readonly retryable: boolean;
}

/** A training job as the SageMaker fake keeps it (`state.trainingJob(name)`); times in virtual epoch ms. */
export interface TrainingJobRecord {
  readonly name: string;
  readonly arn: string;
  readonly tuningJobName: string;
  readonly tuningJobArn: string;
  readonly index: number;
  readonly definition: DefinitionSpec;
  readonly objective: TuningObjective;
  readonly tunedHyperParameters: Readonly<Record<string, string>>;
  readonly createdAt: number;
  /** From creation until the algorithm starts (SecondaryStatus Starting, Downloading). */
  readonly startupMs: number;
  readonly plannedEndAt: number;
  readonly plannedOutcome: 'Completed' | 'Failed' | 'EarlyStopped';
  readonly plannedMetric: number | undefined;
  readonly plannedFailure: TrainingFailure | undefined;
  status: TrainingJobStatus;
  objectiveStatus: ObjectiveStatus;
  metric: number | undefined;
  failure: TrainingFailure | undefined;
  /** Stopped by the tuning job's early stopping rather than by a user. */
  earlyStopped: boolean;
  endedAt: number | undefined;
  lastModifiedAt: number;
}
