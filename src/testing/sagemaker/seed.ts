/** Putting jobs straight into the store, e.g. hundreds of them for paging tests. */
import { metricFor } from './plan.js';
import type {
  JsonObject,
  ParameterRanges,
  Strategy,
  TrainingJobRecord,
  TrainingJobStatus,
  TuningJobStatus,
  TuningObjective,
} from './types.js';

/** A tuning job to put straight into the SageMaker fake's store (`state.seedTuningJob`); all but `name` default. */
export interface SeedTuningJobInput {
  name: string;
  /**
   * Default `Completed`. Any status but `InProgress` and `Stopping` freezes the job: the simulation
   * never touches it. `InProgress` jobs launch training jobs as the clock advances.
   */
  status?: TuningJobStatus;
  /** Default `Bayesian`. */
  strategy?: Strategy;
  /** Default Maximize `validation:accuracy`. */
  objective?: TuningObjective;
  /** Default an integer `max_depth` and a logarithmic `eta`. */
  parameterRanges?: ParameterRanges;
  /** Default 10. */
  maxNumberOfTrainingJobs?: number;
  /** Default 2. */
  maxParallelTrainingJobs?: number;
  /** Default: the clock's current time. */
  createdAt?: number | Date;
  failureReason?: string;
}

/** Options of `state.seedTrainingJobs`. */
export interface SeedTrainingJobsOptions {
  /** Default `Completed` (with an objective metric); `Failed` and `Stopped` ones have none. */
  status?: Extract<TrainingJobStatus, 'Completed' | 'Failed' | 'Stopped' | 'InProgress'>;
}

/** The CreateHyperParameterTuningJob body a seeded job describes as, so it passes the same checks. */
export function seedRequest(input: SeedTuningJobInput): JsonObject {
  const maxParallel = input.maxParallelTrainingJobs ?? 2;
  return {
    HyperParameterTuningJobName: input.name,
    HyperParameterTuningJobConfig: {
      Strategy: input.strategy ?? 'Bayesian',
      HyperParameterTuningJobObjective: input.objective ?? {
        Type: 'Maximize',
        MetricName: 'validation:accuracy',
      },
      ResourceLimits: {
        MaxParallelTrainingJobs: maxParallel,
        MaxNumberOfTrainingJobs: Math.max(maxParallel, input.maxNumberOfTrainingJobs ?? 10),
      },
      ParameterRanges: input.parameterRanges ?? DEFAULT_SEED_RANGES,
    },
    TrainingJobDefinition: DEFAULT_SEED_DEFINITION,
  };
}

/** Moves a freshly launched record straight to `status`, as if it had run its planned course. */
export function settleSeededTrainingJob(
  record: TrainingJobRecord,
  status: NonNullable<SeedTrainingJobsOptions['status']>,
): void {
  if (status === 'InProgress') return;
  record.status = status;
  record.endedAt = record.plannedEndAt;
  record.lastModifiedAt = record.plannedEndAt;
  if (status === 'Completed') {
    record.objectiveStatus = 'Succeeded';
    // A trial the plan meant to fail still needs a value once the test declares it Completed.
    record.metric = record.plannedMetric ?? metricFor(record.objective.Type, 0.5, 0);
    return;
  }
  record.objectiveStatus = 'Failed';
  if (status === 'Failed') record.failure = record.plannedFailure ?? SEEDED_FAILURE;
}

const DEFAULT_SEED_RANGES: ParameterRanges = {
  IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10', ScalingType: 'Auto' }],
  ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.01', MaxValue: '0.5', ScalingType: 'Logarithmic' }],
};

/** A plausible definition, so seeded jobs describe like created ones. */
const DEFAULT_SEED_DEFINITION: JsonObject = {
  AlgorithmSpecification: {
    TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
    TrainingInputMode: 'File',
  },
  RoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecutionRole',
  StaticHyperParameters: { objective: 'binary:logistic', num_round: '100' },
  OutputDataConfig: { S3OutputPath: 's3://crosstune-fake/output/' },
  ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
};

const SEEDED_FAILURE = {
  reason: 'AlgorithmError: ExecuteUserScriptError: ExitCode 1 (seeded by the test)',
  retryable: false,
};
