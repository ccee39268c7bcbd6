/**
 * PAI AutoML (`paiautoml` 2022-08-28) request shapes, written by hand from the API reference
 * (the official TypeScript SDK is not on npm). Field names are exactly as on the wire: PascalCase
 * for request parameters, snake_case inside `HpoExperimentConfiguration` (with the camelCase
 * exceptions PAI itself has in `oss_config`).
 */

/** A resource tag, `Key` and `Value`, as in every request's `Tag` list. */
export interface Tag {
  Key: string;
  Value: string;
}

/** Who in the workspace sees the experiment: everyone (`PUBLIC`) or its creator (`PRIVATE`). */
export type Accessibility = 'PUBLIC' | 'PRIVATE';

/** Where and how each trial runs; the `${name}` placeholders of the search space are substituted into `cmd`. */
export interface PlatformConfig {
  /** `DLC`, `MaxCompute` (also `MC`), `paiflow`. */
  name: string;
  /** Commands run in order for every trial. */
  cmd: string[];
  /** `'1'` resumes a trial from the command that failed. */
  resume?: string | undefined;
}

/** How a trial's reported values fold into its final one: the last, the best or the mean. */
export type MetricFinalMode = 'final' | 'best' | 'avg';

/** How PAI reads a trial's metrics and folds them into the one value it ranks trials by. */
export interface MetricConfig {
  metric_type: 'table' | 'summary' | 'stdout' | 'json' | (string & {});
  /** Table: SQL; summary: an OSS path; stdout: `cmd<N>`, the 1-based index of the command to scrape. */
  metric_source: string[];
  final_mode: MetricFinalMode | (string & {});
  /** Metric name (a regular expression for `stdout`) → weight; the weighted sum is the objective. */
  metric_dict: Record<string, number>;
  source_list_final_mode?: MetricFinalMode | (string & {}) | undefined;
}

/** `yml_config.tuner`: the search algorithm and its arguments. */
export interface TunerConfig {
  /** `TPE` (PAI's default), `GridSearch`, `Random`, `Evolution`, `GP`, `PBT`. */
  name?: string | undefined;
  class_args?: Record<string, unknown> | undefined;
}

/** `yml_config.assessor`: early stopping of trials that do not look promising. */
export interface AssessorConfig {
  /** `PAIAssessor`. */
  name?: string | undefined;
  class_args?:
    | {
        earlystop?: boolean | undefined;
        start_step?: number | undefined;
        optimize_mode?: 'maximize' | 'minimize' | undefined;
        moving_avg?: string | undefined;
        proportion?: number | undefined;
        [key: string]: unknown;
      }
    | undefined;
}

/** `HpoExperimentConfiguration.yml_config`: trial budget, concurrency, tuner and assessor. */
export interface YmlConfig {
  experiment_name?: string | undefined;
  max_trial_number?: number | undefined;
  trial_concurrency?: number | undefined;
  tuner?: TunerConfig | undefined;
  assessor?: AssessorConfig | undefined;
  debug?: boolean | undefined;
  log_level?: string | undefined;
}

/** `HpoExperimentConfiguration`, sent as a nested JSON object (not as text). */
export interface HpoExperimentConfig {
  platform_config: PlatformConfig;
  metric_config: MetricConfig;
  /** NNI search space, keys usually `${name}` placeholders. */
  search_space?: Record<string, unknown> | undefined;
  yml_config?: YmlConfig | undefined;
  output_config?: { model_path?: string | undefined; summary_path?: string | undefined } | undefined;
  odps_config?: Record<string, string | undefined> | undefined;
  /** Note PAI's camelCase `accessKeyID` / `accessKeySecret` here. */
  oss_config?: Record<string, string | undefined> | undefined;
  dlc_config?: Record<string, string | undefined> | undefined;
  paiflow_config?: Record<string, string | undefined> | undefined;
  ts_config?: Record<string, string | undefined> | undefined;
  /** Each item `src_path,dst_path`: files PAI copies with the placeholders substituted. */
  params_config?: { params_src_dst_filepath?: string[] | undefined } | undefined;
  schedule_config?: Record<string, string | undefined> | undefined;
  monitor_config?: Record<string, string | undefined> | undefined;
  k8s_config?: Record<string, string | undefined> | undefined;
}

/** The path parameter of the operations on one experiment. */
export interface ExperimentRef {
  ExperimentId: string;
}

/** The path parameters of the operations on one trial. */
export interface TrialRef extends ExperimentRef {
  TrialId: string;
}

/** The body of `CreateHpoExperiment`. */
export interface CreateHpoExperimentRequest {
  Name?: string | undefined;
  WorkspaceId?: string | undefined;
  Description?: string | undefined;
  Accessibility?: Accessibility | undefined;
  HpoExperimentConfiguration?: HpoExperimentConfig | undefined;
  Tag?: Tag[] | undefined;
}

/** The path and body of `UpdateHpoExperiment`. */
export interface UpdateHpoExperimentRequest extends ExperimentRef {
  Name?: string | undefined;
  WorkspaceId?: string | undefined;
  Description?: string | undefined;
  Accessibility?: Accessibility | undefined;
  HpoExperimentConfiguration?: HpoExperimentConfig | undefined;
  Tag?: Tag[] | undefined;
}

/** PAI's sort order in listings. */
export type SortOrder = 'ASC' | 'DESC';

/** The query of `ListHpoExperiments`. */
export interface ListHpoExperimentsRequest {
  /** A keyword: experiments whose name contains it. */
  Name?: string | undefined;
  Creator?: string | undefined;
  PageNumber?: number | undefined;
  PageSize?: number | undefined;
  /** `YYYY-MM-DD HH:mm:ss` or `YYYY-MM-DD`; a Date is written in UTC. */
  MinCreateTime?: string | Date | undefined;
  MaxCreateTime?: string | Date | undefined;
  Status?: string | undefined;
  WorkspaceId?: string | undefined;
  Accessibility?: Accessibility | undefined;
  /** Whether `ConfigIni`, `ConfigYml` and `SearchSpace` come back. */
  IncludeConfigData?: boolean | undefined;
  /** `create_time`, `update_time`, `workspace_id`, `status`, `accessibility`. */
  SortBy?: string | undefined;
  Order?: SortOrder | undefined;
  /** Sent as one query parameter holding the JSON array (the `style: json` of the 2025 metadata). */
  Tag?: Tag[] | undefined;
}

/** The paging parameters of the log listings. */
export interface LogPageRequest {
  PageNumber?: number | undefined;
  PageSize?: number | undefined;
}

/** The path and query of `ListHpoExperimentLogs`. */
export interface ListHpoExperimentLogsRequest extends ExperimentRef, LogPageRequest {
  /** `nnimanager.log` or `dispatcher.log`. */
  LogName?: string | undefined;
}

/** The path and query of `ListHpoTrials`. */
export interface ListHpoTrialsRequest extends ExperimentRef {
  PageNumber?: number | undefined;
  PageSize?: number | undefined;
  SortBy?: 'FINAL_METRIC' | 'CREATE_TIME' | undefined;
  Order?: SortOrder | undefined;
}

/** The path and body of `StopHpoTrials`. */
export interface StopHpoTrialsRequest extends ExperimentRef {
  TrialIds: string[];
}

/** The path and body of `RestartHpoTrials`: given trials, or new hyperparameters to run. */
export interface RestartHpoTrialsRequest extends ExperimentRef {
  TrialIds?: string[] | undefined;
  /** JSON text on the wire (`{"${lr}": "0.01"}`); an object is serialized. Ignored when `TrialIds` is given. */
  TrialHyperParameters?: string | Record<string, unknown> | undefined;
}

/** The path and query of `ListHpoTrialLogs`. */
export interface ListHpoTrialLogsRequest extends TrialRef, LogPageRequest {
  /** `stderr`, `stdout`, `trial.log`. */
  LogName?: string | undefined;
}

/** AutoFE settings; every leaf is a string (reference §5.3). */
export interface AutofeExperimentConfig {
  oss_config: Record<string, string | undefined>;
  odps_config: Record<string, string | undefined>;
  yml_config: Record<string, string | undefined>;
}

/** The body of `CreateAutofeExperiment`. */
export interface CreateAutofeExperimentRequest {
  Name: string;
  AutofeExperimentConfiguration?: AutofeExperimentConfig | undefined;
  Description?: string | undefined;
  Accessibility?: Accessibility | undefined;
  WorkspaceId?: string | undefined;
  Tag?: Tag[] | undefined;
}
