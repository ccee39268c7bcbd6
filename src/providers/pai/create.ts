/**
 * ExperimentSpec → CreateHpoExperiment. The neutral spec says what to tune (search space,
 * objective, tuner, limits); PAI also needs to know how to run a trial and where its metrics
 * come from (`platform_config`, `metric_config`), which have no neutral form and are passed
 * through as PAI writes them. Any further section of `HpoExperimentConfiguration` (storage,
 * credentials, schedule, monitoring…) is passed through too.
 */
import { InvalidArgumentError } from '../../core/errors.js';
import type { ExperimentSpec } from '../../core/types.js';
import type { Loss, NniSearchSpace } from '../../search-space/index.js';
import { withObjectiveNote } from './decode.js';
import { compileSearchSpace, unreferencedPlaceholders } from './search-space.js';
import type * as shapes from './shapes.js';

/** PAI's `providerOptions` for `experiments.create`: how trials run and report, beyond the neutral spec. */
export interface PaiExperimentOptions {
  /** How each trial runs (`name`: DLC, MaxCompute, paiflow; `cmd`: commands with `${name}` placeholders). */
  platformConfig: shapes.PlatformConfig;
  /**
   * Where each trial's metrics come from. `metric_dict` defaults to `{ [objective.metric]: 1 }`,
   * `final_mode` to `'final'`.
   */
  metricConfig: Omit<shapes.MetricConfig, 'metric_dict' | 'final_mode'> &
    Partial<Pick<shapes.MetricConfig, 'metric_dict' | 'final_mode'>>;
  /** PAI's own search space, used as given instead of compiling `spec.searchSpace`. */
  searchSpace?: NniSearchSpace | undefined;
  /** Arguments of the tuner besides `optimize_mode` (which the objective sets), e.g. `{ seed: 1 }`. */
  tunerClassArgs?: Record<string, unknown> | undefined;
  assessor?: shapes.AssessorConfig | undefined;
  /** Further sections of `HpoExperimentConfiguration` (`odps_config`, `dlc_config`, `output_config`…), merged over what the spec gives. */
  configuration?: Partial<shapes.HpoExperimentConfig> | undefined;
  workspaceId?: string | undefined;
  description?: string | undefined;
  accessibility?: shapes.Accessibility | undefined;
  tags?: shapes.Tag[] | undefined;
  /**
   * Create even when a search-space parameter is referenced nowhere in the configuration (its
   * `${name}` appears in no command, metric source or path, and no `params_config` file is
   * listed). Such a parameter would be tuned without reaching the trial.
   */
  allowUnreferencedParameters?: boolean | undefined;
}

export interface CreatePlan {
  request: shapes.CreateHpoExperimentRequest;
  /** What compiling the neutral search space lost (empty when PAI's own space was given). */
  losses: Loss[];
}

export function buildCreateRequest(
  spec: ExperimentSpec<PaiExperimentOptions>,
  defaults: { workspaceId?: string | undefined } = {},
): CreatePlan {
  const options = spec.providerOptions;
  if (!options?.platformConfig || !options.metricConfig) {
    throw new InvalidArgumentError(
      'PAI needs providerOptions.platformConfig (how a trial runs) and providerOptions.metricConfig (where its metrics come from)',
    );
  }
  if (spec.limits.maxRuntimeSeconds !== undefined) {
    throw new InvalidArgumentError(
      'PAI AutoML has no run-time limit for an experiment: leave out limits.maxRuntimeSeconds',
    );
  }
  const { value: searchSpace, losses } = options.searchSpace
    ? { value: options.searchSpace, losses: [] }
    : compileSearchSpace(spec.searchSpace, spec.strictSearchSpace ?? false);
  const extra = options.configuration ?? {};
  const configuration: shapes.HpoExperimentConfig = {
    ...extra,
    platform_config: options.platformConfig,
    metric_config: {
      final_mode: 'final',
      metric_dict: { [spec.objective.metric]: 1 },
      ...options.metricConfig,
    },
    search_space: searchSpace as Record<string, unknown>,
    yml_config: {
      experiment_name: spec.name,
      max_trial_number: spec.limits.maxTrials,
      trial_concurrency: spec.limits.maxParallelTrials,
      tuner: {
        name: spec.algorithm ?? 'TPE',
        class_args: { ...options.tunerClassArgs, optimize_mode: spec.objective.direction },
      },
      assessor: options.assessor,
      ...extra.yml_config,
    },
  };
  if (spec.searchSpace && !options.searchSpace && !options.allowUnreferencedParameters) {
    const { search_space: _space, ...elsewhere } = configuration;
    const listed = configuration.params_config?.params_src_dst_filepath?.length ?? 0;
    const missing = listed > 0 ? [] : unreferencedPlaceholders(spec.searchSpace, elsewhere);
    if (missing.length > 0) {
      throw new InvalidArgumentError(
        `No command or path of the configuration uses ${missing.join(', ')}: PAI passes hyperparameters to a trial only by substituting them there (set allowUnreferencedParameters to create anyway)`,
      );
    }
  }
  // The objective reads back by its name only if PAI keeps that name somewhere (see withObjectiveNote).
  const keys = Object.keys(configuration.metric_config.metric_dict ?? {});
  const named = keys.length === 1 && keys[0] === spec.objective.metric;
  return {
    request: {
      Name: spec.name,
      WorkspaceId: options.workspaceId ?? defaults.workspaceId,
      Description: named
        ? options.description
        : withObjectiveNote(options.description, spec.objective.metric),
      Accessibility: options.accessibility,
      HpoExperimentConfiguration: configuration,
      Tag: options.tags,
    },
    losses,
  };
}
