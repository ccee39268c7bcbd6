/**
 * ExperimentSpec → CreateHyperParameterTuningJobRequest. The neutral spec says what to tune;
 * SageMaker also needs to know what to train (`trainingJobDefinition`), which has no neutral
 * form and is passed through as SageMaker wrote it.
 */
import { InvalidArgumentError } from '../../core/errors.js';
import type { ExperimentSpec } from '../../core/types.js';
import type { Loss } from '../../search-space/index.js';
import { compileRanges } from './search-space.js';
import type * as shapes from './shapes.js';

/** SageMaker's `providerOptions` for `experiments.create`: what the tuning job's request needs beyond the neutral spec. */
export interface SageMakerExperimentOptions {
  /** What each training job runs (image, role, data, instances). One of this or `trainingJobDefinitions`. */
  trainingJobDefinition?: shapes.HyperParameterTrainingJobDefinition | undefined;
  trainingJobDefinitions?: shapes.HyperParameterTrainingJobDefinition[] | undefined;
  /** SageMaker's own `ParameterRanges`, used as given instead of compiling `spec.searchSpace`. */
  parameterRanges?: shapes.ParameterRanges | undefined;
  /** Further tuning-job settings (early stopping, completion criteria, …), merged over what the spec gives. */
  tuningJobConfig?: Partial<shapes.HyperParameterTuningJobConfig> | undefined;
  warmStartConfig?: shapes.HyperParameterTuningJobWarmStartConfig | undefined;
  autotune?: shapes.Autotune | undefined;
  tags?: shapes.Tag[] | undefined;
}

export interface CreatePlan {
  request: shapes.CreateHyperParameterTuningJobRequest;
  /** What compiling the neutral search space lost (empty when SageMaker ranges were given). */
  losses: Loss[];
}

export function buildCreateRequest(spec: ExperimentSpec<SageMakerExperimentOptions>): CreatePlan {
  const options = spec.providerOptions ?? {};
  if (!options.trainingJobDefinition && !options.trainingJobDefinitions) {
    throw new InvalidArgumentError(
      'SageMaker needs providerOptions.trainingJobDefinition (or trainingJobDefinitions): what each trial trains',
    );
  }
  const { ranges, losses } = options.parameterRanges
    ? { ranges: options.parameterRanges, losses: [] }
    : compileRanges(spec.searchSpace, spec.strictSearchSpace ?? false);
  const request: shapes.CreateHyperParameterTuningJobRequest = {
    HyperParameterTuningJobName: spec.name,
    HyperParameterTuningJobConfig: {
      Strategy: spec.algorithm ?? 'Bayesian',
      HyperParameterTuningJobObjective: {
        Type: spec.objective.direction === 'maximize' ? 'Maximize' : 'Minimize',
        MetricName: spec.objective.metric,
      },
      ParameterRanges: ranges,
      ...options.tuningJobConfig,
      // One level deeper, so extra limits (e.g. MaxRuntimeInSeconds) keep the spec's counts.
      ResourceLimits: {
        MaxNumberOfTrainingJobs: spec.limits.maxTrials,
        MaxParallelTrainingJobs: spec.limits.maxParallelTrials,
        MaxRuntimeInSeconds: spec.limits.maxRuntimeSeconds,
        ...options.tuningJobConfig?.ResourceLimits,
      },
    },
    TrainingJobDefinition: options.trainingJobDefinition,
    TrainingJobDefinitions: options.trainingJobDefinitions,
    WarmStartConfig: options.warmStartConfig,
    Autotune: options.autotune,
    Tags: options.tags,
  };
  return { request, losses };
}
