/** Store records → SageMaker response shapes (timestamps as epoch seconds, absent members omitted). */
import type { JsonObject, TrainingJobRecord, TuningJobRecord } from './types.js';

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

/** Drops `undefined` members: AWS JSON omits absent members rather than sending null. */
function compact(shape: Record<string, unknown>): JsonObject {
  return Object.fromEntries(Object.entries(shape).filter(([, v]) => v !== undefined));
}

export function describeTuningJob(
  job: TuningJobRecord,
  trainings: readonly TrainingJobRecord[],
  now: number,
) {
  const best = bestTrainingJob(job, trainings);
  return compact({
    HyperParameterTuningJobName: job.name,
    HyperParameterTuningJobArn: job.arn,
    HyperParameterTuningJobConfig: job.request.HyperParameterTuningJobConfig,
    TrainingJobDefinition: job.request.TrainingJobDefinition,
    TrainingJobDefinitions: job.request.TrainingJobDefinitions,
    HyperParameterTuningJobStatus: job.status,
    CreationTime: seconds(job.createdAt),
    HyperParameterTuningEndTime: seconds(job.endedAt),
    LastModifiedTime: seconds(job.lastModifiedAt),
    TrainingJobStatusCounters: statusCounters(trainings),
    ObjectiveStatusCounters: objectiveCounters(trainings),
    BestTrainingJob: best && trainingJobSummary(best, now),
    WarmStartConfig: job.request.WarmStartConfig,
    Autotune: job.request.Autotune,
    FailureReason: job.failureReason,
    TuningJobCompletionDetails: { NumberOfTrainingJobsObjectiveNotImproving: notImproving(job, trainings) },
    ConsumedResources: {
      RuntimeInSeconds: Math.max(0, Math.floor(((job.endedAt ?? now) - job.createdAt) / 1000)),
    },
  });
}

export function tuningJobSummary(job: TuningJobRecord, trainings: readonly TrainingJobRecord[]) {
  const config = job.request.HyperParameterTuningJobConfig as JsonObject;
  return compact({
    HyperParameterTuningJobName: job.name,
    HyperParameterTuningJobArn: job.arn,
    HyperParameterTuningJobStatus: job.status,
    Strategy: job.spec.strategy,
    CreationTime: seconds(job.createdAt),
    HyperParameterTuningEndTime: seconds(job.endedAt),
    LastModifiedTime: seconds(job.lastModifiedAt),
    TrainingJobStatusCounters: statusCounters(trainings),
    ObjectiveStatusCounters: objectiveCounters(trainings),
    ResourceLimits: config.ResourceLimits,
  });
}

export function trainingJobSummary(training: TrainingJobRecord, now: number) {
  return compact({
    TrainingJobDefinitionName: training.definition.name,
    TrainingJobName: training.name,
    TrainingJobArn: training.arn,
    TuningJobName: training.tuningJobName,
    CreationTime: seconds(training.createdAt),
    TrainingStartTime: seconds(trainingStart(training, now)),
    TrainingEndTime: seconds(training.endedAt),
    TrainingJobStatus: training.status,
    TunedHyperParameters: training.tunedHyperParameters,
    FailureReason: training.failure?.reason,
    FinalHyperParameterTuningJobObjectiveMetric:
      training.metric === undefined
        ? undefined
        : {
            Type: training.objective.Type,
            MetricName: training.objective.MetricName,
            Value: training.metric,
          },
    ObjectiveStatus: training.objectiveStatus,
  });
}

/**
 * Managed spot training bills less than it runs; the fake bills a fixed 30 % (AWS quotes savings
 * of up to 90 %), so billed time differs from run time as it does on SageMaker.
 */
export const SPOT_BILLED_SHARE = 0.3;

export function describeTrainingJob(training: TrainingJobRecord, now: number) {
  const definition = training.definition.raw;
  const algorithm = (definition.AlgorithmSpecification ?? {}) as JsonObject;
  const output = (definition.OutputDataConfig ?? {}) as JsonObject;
  const start = trainingStart(training, now);
  const end = training.endedAt;
  const transitions = secondaryTransitions(training, now);
  const metricTime = end ?? now;
  const trainingSeconds =
    start !== undefined && end !== undefined ? Math.max(1, Math.round((end - start) / 1000)) : undefined;
  return compact({
    TrainingJobName: training.name,
    TrainingJobArn: training.arn,
    TuningJobArn: training.tuningJobArn,
    ModelArtifacts: {
      S3ModelArtifacts: `${String(output.S3OutputPath ?? '').replace(/\/$/, '')}/${training.name}/output/model.tar.gz`,
    },
    TrainingJobStatus: training.status,
    SecondaryStatus: transitions.at(-1)?.Status,
    FailureReason: training.failure?.reason,
    HyperParameters: {
      ...training.definition.staticHyperParameters,
      ...training.tunedHyperParameters,
      // SageMaker adds the objective metric name to the hyperparameters of every job it tunes.
      _tuning_objective_metric: training.objective.MetricName,
    },
    AlgorithmSpecification: compact({
      TrainingImage: algorithm.TrainingImage,
      AlgorithmName: algorithm.AlgorithmName,
      TrainingInputMode: algorithm.TrainingInputMode,
      MetricDefinitions: algorithm.MetricDefinitions,
      EnableSageMakerMetricsTimeSeries: false,
    }),
    RoleArn: definition.RoleArn,
    InputDataConfig: definition.InputDataConfig,
    OutputDataConfig: definition.OutputDataConfig,
    ResourceConfig: definition.ResourceConfig,
    VpcConfig: definition.VpcConfig,
    StoppingCondition: definition.StoppingCondition,
    CreationTime: seconds(training.createdAt),
    TrainingStartTime: seconds(start),
    TrainingEndTime: seconds(end),
    LastModifiedTime: seconds(training.lastModifiedAt),
    SecondaryStatusTransitions: transitions,
    FinalMetricDataList:
      training.metric === undefined
        ? []
        : [
            {
              MetricName: training.objective.MetricName,
              Value: training.metric,
              Timestamp: seconds(metricTime),
            },
          ],
    EnableNetworkIsolation: definition.EnableNetworkIsolation ?? false,
    EnableInterContainerTrafficEncryption: definition.EnableInterContainerTrafficEncryption ?? false,
    EnableManagedSpotTraining: definition.EnableManagedSpotTraining ?? false,
    CheckpointConfig: definition.CheckpointConfig,
    TrainingTimeInSeconds: trainingSeconds,
    BillableTimeInSeconds:
      trainingSeconds !== undefined && definition.EnableManagedSpotTraining
        ? Math.max(1, Math.round(trainingSeconds * SPOT_BILLED_SHARE))
        : trainingSeconds,
    Environment: definition.Environment,
    RetryStrategy: definition.RetryStrategy,
  });
}

/** When the algorithm started, if it has by `now` (a job stopped while starting never did). */
function trainingStart(training: TrainingJobRecord, now: number): number | undefined {
  const start = training.createdAt + training.startupMs;
  return start <= Math.min(now, training.endedAt ?? Number.POSITIVE_INFINITY) ? start : undefined;
}

interface Transition {
  Status: string;
  StartTime: number;
  EndTime?: number;
  StatusMessage: string;
}

/**
 * The secondary-status history up to `now`: Starting → Downloading → Training → Uploading →
 * Completed, cut short by failure, early stopping or a user stop.
 */
function secondaryTransitions(training: TrainingJobRecord, now: number): Transition[] {
  const end = training.endedAt;
  const horizon = Math.min(now, end ?? Number.POSITIVE_INFINITY);
  const downloadAt = training.createdAt + Math.round(training.startupMs * 0.7);
  const trainAt = training.createdAt + training.startupMs;
  const phases: Array<[string, number, string]> = [
    ['Starting', training.createdAt, 'Preparing the instances for training'],
    ['Downloading', downloadAt, 'Downloading input data'],
    ['Training', trainAt, 'Training image download completed. Training in progress.'],
  ];
  const succeeded = training.status === 'Completed' || training.earlyStopped;
  if (succeeded && end !== undefined) {
    phases.push([
      'Uploading',
      Math.max(trainAt, end - Math.min(30_000, (end - trainAt) / 10)),
      'Uploading generated training model',
    ]);
  }
  const reached = phases.filter(([, at]) => at <= horizon);
  if (training.status === 'Stopping')
    reached.push(['Stopping', training.lastModifiedAt, 'Stopping the training job']);
  if (end !== undefined) reached.push(finalPhase(training, end));
  return reached.map(([Status, StartTime, StatusMessage], i) => {
    const next = reached[i + 1];
    return compact({
      Status,
      StartTime: StartTime / 1000,
      EndTime: next && next[1] / 1000,
      StatusMessage,
    }) as unknown as Transition;
  });
}

function finalPhase(training: TrainingJobRecord, end: number): [string, number, string] {
  if (training.status === 'Completed') return ['Completed', end, 'Training job completed'];
  if (training.status === 'Failed')
    return ['Failed', end, `Training job failed. ${training.failure?.reason ?? ''}`.trim()];
  if (training.earlyStopped) return ['Stopped', end, 'The training job was stopped early by the tuning job.'];
  return ['Stopped', end, 'Training job stopped'];
}

function statusCounters(trainings: readonly TrainingJobRecord[]) {
  const count = (test: (t: TrainingJobRecord) => boolean) => trainings.filter(test).length;
  return {
    Completed: count((t) => t.status === 'Completed'),
    InProgress: count((t) => t.status === 'InProgress' || t.status === 'Stopping'),
    RetryableError: count((t) => t.status === 'Failed' && t.failure?.retryable === true),
    NonRetryableError: count((t) => t.status === 'Failed' && t.failure?.retryable !== true),
    Stopped: count((t) => t.status === 'Stopped'),
  };
}

function objectiveCounters(trainings: readonly TrainingJobRecord[]) {
  const count = (status: string) => trainings.filter((t) => t.objectiveStatus === status).length;
  return { Succeeded: count('Succeeded'), Pending: count('Pending'), Failed: count('Failed') };
}

function bestTrainingJob(job: TuningJobRecord, trainings: readonly TrainingJobRecord[]) {
  const maximize = job.spec.objective.Type === 'Maximize';
  let best: TrainingJobRecord | undefined;
  for (const t of trainings) {
    if (t.objectiveStatus !== 'Succeeded' || t.metric === undefined) continue;
    if (best?.metric === undefined || (maximize ? t.metric > best.metric : t.metric < best.metric)) best = t;
  }
  return best;
}

/** Trailing run of finished trials that did not beat the best so far by more than 1%. */
function notImproving(job: TuningJobRecord, trainings: readonly TrainingJobRecord[]): number {
  const maximize = job.spec.objective.Type === 'Maximize';
  const finished = trainings
    .filter((t) => t.metric !== undefined && t.endedAt !== undefined)
    .sort((a, b) => (a.endedAt as number) - (b.endedAt as number) || a.index - b.index);
  let best: number | undefined;
  let run = 0;
  for (const t of finished) {
    const value = t.metric as number;
    const improves =
      best === undefined ||
      (maximize ? value > best + Math.abs(best) * 0.01 : value < best - Math.abs(best) * 0.01);
    if (improves) {
      best = value;
      run = 0;
    } else run += 1;
  }
  return run;
}
