/**
 * SageMaker wire → neutral objects. Tuning job → Experiment, training job → Trial / TrainingJob.
 * The untouched answer stays in `raw`; the cloud's status word in `providerStatus`.
 */
import { decodeEpochSeconds, decodeNumber } from '../../core/fields.js';
import { trialAsTrainingJob } from '../../core/training-job.js';
import type {
  Experiment,
  ExperimentStatus,
  HyperParameterValue,
  MetricPoint,
  Objective,
  TrainingJob,
  Trial,
  TrialCounts,
  TrialStatus,
  TrialUsage,
  UsageField,
} from '../../core/types.js';
import type {
  DescribeHyperParameterTuningJobResult,
  DescribeTrainingJobResult,
  SageMakerTrainingJobSummaryWire,
  SageMakerTuningJobSummaryWire,
} from './api.js';
import { hyperParameterDecoders, readSearchSpace } from './search-space.js';

const EXPERIMENT_STATUS = new Map<string, ExperimentStatus>([
  ['InProgress', 'running'],
  ['Completed', 'completed'],
  ['Failed', 'failed'],
  ['Stopping', 'stopping'],
  ['Stopped', 'stopped'],
  ['Deleting', 'deleting'],
  // The tuning job ran; deleting its record failed. Reported as failed, the word kept in providerStatus.
  ['DeleteFailed', 'failed'],
]);

const TRIAL_STATUS = new Map<string, TrialStatus>([
  ['InProgress', 'running'],
  ['Completed', 'completed'],
  ['Failed', 'failed'],
  ['Stopping', 'stopping'],
  ['Stopped', 'stopped'],
]);

export function experimentStatus(word: string): ExperimentStatus {
  return EXPERIMENT_STATUS.get(word) ?? 'unknown';
}

/** What the training jobs of one definition run on, as the tuning job says. */
export interface DefinitionResources {
  instanceType?: string | undefined;
  instanceCount?: number | undefined;
  /** Managed spot training: billed time is less than run time and cannot be derived from it. */
  spot: boolean;
}

/** What a trial needs from its tuning job to be read correctly. */
export interface TrialContext {
  experimentId: string;
  objectiveMetric: string | undefined;
  earlyStopping: boolean;
  decoders: ReturnType<typeof hyperParameterDecoders>;
  /** By definition name (`''` for the single `TrainingJobDefinition`). */
  resources: ReadonlyMap<string, DefinitionResources>;
}

type Definition = NonNullable<DescribeHyperParameterTuningJobResult['TrainingJobDefinition']>;

function resourcesOf(definition: Definition): DefinitionResources {
  const fixed = definition.ResourceConfig;
  const tuning = definition.HyperParameterTuningResourceConfig;
  // Several InstanceConfigs: SageMaker picks one per job and the summary does not say which.
  const only = tuning?.InstanceConfigs?.length === 1 ? tuning.InstanceConfigs[0] : undefined;
  return {
    instanceType: fixed?.InstanceType ?? tuning?.InstanceType ?? only?.InstanceType,
    instanceCount: fixed?.InstanceCount ?? tuning?.InstanceCount ?? only?.InstanceCount,
    spot: definition.EnableManagedSpotTraining === true,
  };
}

export function trialContext(job: DescribeHyperParameterTuningJobResult): TrialContext {
  const config = job.HyperParameterTuningJobConfig;
  const resources = new Map<string, DefinitionResources>();
  if (job.TrainingJobDefinition) resources.set('', resourcesOf(job.TrainingJobDefinition));
  for (const definition of job.TrainingJobDefinitions ?? []) {
    resources.set(definition.DefinitionName ?? '', resourcesOf(definition));
  }
  return {
    experimentId: job.HyperParameterTuningJobName,
    objectiveMetric: config.HyperParameterTuningJobObjective?.MetricName,
    // Hyperband stops poor trials itself (and requires TrainingJobEarlyStoppingType Off).
    earlyStopping: config.TrainingJobEarlyStoppingType === 'Auto' || config.Strategy === 'Hyperband',
    decoders: hyperParameterDecoders(config.ParameterRanges),
    resources,
  };
}

/**
 * SageMaker reports an early-stopped training job as `Stopped`. With early stopping on, a stopped
 * job whose objective the tuner accepted (`ObjectiveStatus: Succeeded`) was stopped by the tuner.
 */
export function trialStatus(
  word: string,
  objectiveStatus: string | undefined,
  earlyStopping: boolean,
): TrialStatus {
  if (word === 'Stopped' && earlyStopping && objectiveStatus === 'Succeeded') return 'early_stopped';
  return TRIAL_STATUS.get(word) ?? 'unknown';
}

export function objectiveOf(config: {
  HyperParameterTuningJobObjective?: { Type: string; MetricName: string };
}): Objective | undefined {
  const objective = config.HyperParameterTuningJobObjective;
  if (!objective) return undefined;
  return { metric: objective.MetricName, direction: objective.Type === 'Maximize' ? 'maximize' : 'minimize' };
}

interface StatusCounters {
  Completed?: number | undefined;
  InProgress?: number | undefined;
  RetryableError?: number | undefined;
  NonRetryableError?: number | undefined;
  Stopped?: number | undefined;
}

function countsOf(counters: StatusCounters | undefined): TrialCounts {
  if (!counters) return {};
  const completed = counters.Completed ?? 0;
  const running = counters.InProgress ?? 0;
  const stopped = counters.Stopped ?? 0;
  const failed = (counters.RetryableError ?? 0) + (counters.NonRetryableError ?? 0);
  return { completed, running, stopped, failed, total: completed + running + stopped + failed };
}

const time = (value: unknown, path: string) =>
  value === undefined ? undefined : decodeEpochSeconds(value, path);

/**
 * A listed trial's usage: its run time from TrainingStartTime to TrainingEndTime, which is also
 * what SageMaker bills per instance — unless the definition uses managed spot training, whose
 * billed time only DescribeTrainingJob says.
 */
function listedUsage(
  startedAt: Date | undefined,
  endedAt: Date | undefined,
  resources: DefinitionResources | undefined,
): TrialUsage | undefined {
  const ran =
    startedAt && endedAt ? Math.max(0, (endedAt.getTime() - startedAt.getTime()) / 1000) : undefined;
  if (ran === undefined && resources?.instanceType === undefined) return undefined;
  const derived: UsageField[] = [];
  if (ran !== undefined) derived.push('durationSeconds');
  const billable = ran !== undefined && resources?.spot === false ? Math.round(ran) : undefined;
  if (billable !== undefined) derived.push('billableSeconds');
  return {
    durationSeconds: ran,
    billableSeconds: billable,
    instanceType: resources?.instanceType,
    instanceCount: resources?.instanceCount,
    derived,
  };
}

export function experimentFromDescribe(
  job: DescribeHyperParameterTuningJobResult,
): Experiment<DescribeHyperParameterTuningJobResult, SageMakerTrainingJobSummaryWire> {
  const config = job.HyperParameterTuningJobConfig;
  const context = trialContext(job);
  const best = job.BestTrainingJob;
  return {
    provider: 'sagemaker',
    id: job.HyperParameterTuningJobName,
    name: job.HyperParameterTuningJobName,
    resourceName: job.HyperParameterTuningJobArn,
    status: experimentStatus(job.HyperParameterTuningJobStatus),
    providerStatus: job.HyperParameterTuningJobStatus,
    objective: objectiveOf(config),
    algorithm: config.Strategy,
    limits: {
      maxTrials: config.ResourceLimits.MaxNumberOfTrainingJobs,
      maxParallelTrials: config.ResourceLimits.MaxParallelTrainingJobs,
      maxRuntimeSeconds: config.ResourceLimits.MaxRuntimeInSeconds,
    },
    trialCounts: countsOf(job.TrainingJobStatusCounters),
    bestTrial: best ? trialFromSummary(best, context) : undefined,
    searchSpace: readSearchSpace(config.ParameterRanges),
    createdAt: time(job.CreationTime, 'CreationTime'),
    endedAt: time(job.HyperParameterTuningEndTime, 'HyperParameterTuningEndTime'),
    updatedAt: time(job.LastModifiedTime, 'LastModifiedTime'),
    failureReason: job.FailureReason,
    raw: job,
  };
}

export function experimentFromSummary(
  summary: SageMakerTuningJobSummaryWire,
): Experiment<SageMakerTuningJobSummaryWire, SageMakerTrainingJobSummaryWire> {
  return {
    provider: 'sagemaker',
    id: summary.HyperParameterTuningJobName,
    name: summary.HyperParameterTuningJobName,
    resourceName: summary.HyperParameterTuningJobArn,
    status: experimentStatus(summary.HyperParameterTuningJobStatus),
    providerStatus: summary.HyperParameterTuningJobStatus,
    algorithm: summary.Strategy,
    limits: {
      maxTrials: summary.ResourceLimits?.MaxNumberOfTrainingJobs,
      maxParallelTrials: summary.ResourceLimits?.MaxParallelTrainingJobs,
      maxRuntimeSeconds: summary.ResourceLimits?.MaxRuntimeInSeconds,
    },
    trialCounts: countsOf(summary.TrainingJobStatusCounters),
    createdAt: time(summary.CreationTime, 'CreationTime'),
    endedAt: time(summary.HyperParameterTuningEndTime, 'HyperParameterTuningEndTime'),
    updatedAt: time(summary.LastModifiedTime, 'LastModifiedTime'),
    raw: summary,
  };
}

function typedHyperParameters(
  values: Record<string, string> | undefined,
  decoders: TrialContext['decoders'],
  path: string,
): Record<string, HyperParameterValue> {
  const out: Record<string, HyperParameterValue> = {};
  for (const name in values) out[name] = decoders.decode(name, values[name] as string, path);
  return out;
}

export function trialFromSummary(
  summary: SageMakerTrainingJobSummaryWire,
  context: TrialContext,
): Trial<SageMakerTrainingJobSummaryWire> {
  const final = summary.FinalHyperParameterTuningJobObjectiveMetric;
  const objective =
    final === undefined
      ? undefined
      : {
          metric: final.MetricName,
          value: decodeNumber(final.Value, 'FinalHyperParameterTuningJobObjectiveMetric.Value'),
        };
  const metrics: MetricPoint[] = objective
    ? [{ name: objective.metric, value: objective.value, final: true }]
    : [];
  const startedAt = time(summary.TrainingStartTime, 'TrainingStartTime');
  const endedAt = time(summary.TrainingEndTime, 'TrainingEndTime');
  return {
    provider: 'sagemaker',
    id: summary.TrainingJobName,
    experimentId: context.experimentId,
    name: summary.TrainingJobName,
    status: trialStatus(summary.TrainingJobStatus, summary.ObjectiveStatus, context.earlyStopping),
    providerStatus: summary.TrainingJobStatus,
    hyperParameters: typedHyperParameters(
      summary.TunedHyperParameters,
      context.decoders,
      'TunedHyperParameters',
    ),
    objective,
    metrics,
    createdAt: time(summary.CreationTime, 'CreationTime'),
    startedAt,
    endedAt,
    usage: listedUsage(startedAt, endedAt, context.resources.get(summary.TrainingJobDefinitionName ?? '')),
    failureReason: summary.FailureReason,
    raw: summary,
  };
}

export function trainingJobFromSummary(
  summary: SageMakerTrainingJobSummaryWire,
  context: TrialContext,
): TrainingJob<SageMakerTrainingJobSummaryWire> {
  const trial = trialFromSummary(summary, context);
  return trialAsTrainingJob(trial, { id: trial.id, name: summary.TrainingJobName, raw: summary });
}

/** A training job described on its own: all hyperparameters (static ones too) and every final metric. */
export function trialFromTrainingJob(
  job: DescribeTrainingJobResult,
  context: TrialContext,
): Trial<DescribeTrainingJobResult> {
  const metrics: MetricPoint[] = (job.FinalMetricDataList ?? []).map((m, i) => ({
    name: m.MetricName ?? '',
    value: decodeNumber(m.Value, `FinalMetricDataList.${i}.Value`),
    timestamp: time(m.Timestamp, `FinalMetricDataList.${i}.Timestamp`),
    final: true,
  }));
  // DescribeTrainingJob has no ObjectiveStatus: a reported objective stands in for it.
  const objective = metrics.find((m) => m.name === context.objectiveMetric);
  return {
    provider: 'sagemaker',
    id: job.TrainingJobName,
    experimentId: context.experimentId,
    name: job.TrainingJobName,
    status: trialStatus(job.TrainingJobStatus, objective ? 'Succeeded' : undefined, context.earlyStopping),
    providerStatus: job.TrainingJobStatus,
    hyperParameters: typedHyperParameters(job.HyperParameters, context.decoders, 'HyperParameters'),
    objective: objective ? { metric: objective.name, value: objective.value } : undefined,
    metrics,
    createdAt: time(job.CreationTime, 'CreationTime'),
    startedAt: time(job.TrainingStartTime, 'TrainingStartTime'),
    endedAt: time(job.TrainingEndTime, 'TrainingEndTime'),
    usage: describedUsage(job),
    failureReason: job.FailureReason,
    raw: job,
  };
}

/** A described training job's usage, read as SageMaker reports it. */
export function describedUsage(job: DescribeTrainingJobResult): TrialUsage {
  return {
    durationSeconds: job.TrainingTimeInSeconds,
    billableSeconds: job.BillableTimeInSeconds,
    instanceType: job.ResourceConfig?.InstanceType,
    instanceCount: job.ResourceConfig?.InstanceCount,
    derived: [],
  };
}
