/**
 * ModelArts request shapes, written by hand from the API reference (Huawei's Node SDK for
 * ModelArts is not on npm; reference §2.4, §3). Field names are exactly as on the wire
 * (snake_case). Numbers inside `policies.auto_search` are text on the wire, as ModelArts
 * documents them.
 */
import type { ModelArtsSearchParam } from '../../search-space/index.js';

/** `job` for training (and hyperparameter search) jobs; the other kinds are listed for completeness. */
export type JobKind =
  | 'job'
  | 'federated_pool_job'
  | 'edge_job'
  | 'hetero_job'
  | 'mrs_job'
  | 'autosearch_job'
  | 'diag_job'
  | 'visualization_job';

/** A training job's `metadata`: its name, workspace and description. */
export interface JobMetadata {
  /** 1–64 characters of `[A-Za-z0-9_-]`; unique per project (ModelArts.2751 otherwise). */
  name: string;
  /** `"0"` (the default workspace) or a 32-character workspace id. */
  workspace_id?: string | undefined;
  /** At most 256 characters. */
  description?: string | undefined;
  annotations?: Record<string, string> | undefined;
  training_experiment_reference?: { id: string } | undefined;
}

/** The metric a trial is judged by, read from the training log by `regex` (its first group). */
export interface RewardAttr {
  name: string;
  mode: 'max' | 'min';
  regex?: string | undefined;
}

/** One entry of `search_params`: the search-space module's ModelArts dialect. */
export type SearchParam = ModelArtsSearchParam;

/** One setting of a search algorithm; `value` is text whatever `type` says. */
export interface AlgoConfigParam {
  key: string;
  value: string;
  /** `Integer | Float | String | List` (GET /search-algorithms lists each algorithm's own). */
  type?: string | undefined;
}

/** `auto_search.algo_configs[]`: a search algorithm and its settings. */
export interface AlgoConfig {
  /** `bayes_opt_search`, `tpe_search`, `anneal_search` (GET /search-algorithms). */
  name: string;
  /**
   * `num_samples` is the number of trials (Huawei's user guide). `max_concurrent`, how many run at
   * once, is what the AutoSearch YAML templates call it; that the policy form accepts it too is
   * UNVERIFIED against the live service.
   */
  params?: AlgoConfigParam[] | undefined;
}

/** `algorithm.policies.auto_search`: what a hyperparameter search tunes and how (reference §3.2). */
export interface AutoSearchPolicy {
  /** Hyperparameter combinations to exclude. */
  skip_search_params?: string | undefined;
  reward_attrs?: RewardAttr[] | undefined;
  search_params?: SearchParam[] | undefined;
  algo_configs?: AlgoConfig[] | undefined;
}

/** A fixed argument passed to the training code (`--name=value`). */
export interface AlgorithmParameter {
  name: string;
  value: string;
  description?: string | undefined;
}

/** One entry of `algorithm.inputs`: a dataset or OBS path the training code reads. */
export interface JobInput {
  /** The name the training code reads the path under, e.g. `data_url`. */
  name: string;
  description?: string | undefined;
  /** Where the data appears inside the container. */
  local_dir?: string | undefined;
  remote: {
    dataset?: { id: string; version_id: string } | undefined;
    obs?: { obs_url: string } | undefined;
  };
}

/** One entry of `algorithm.outputs`: an OBS path the training code writes to. */
export interface JobOutput {
  name: string;
  description?: string | undefined;
  local_dir?: string | undefined;
  remote: { obs: { obs_url: string } };
}

/** A preset engine (`engine_name` + `engine_version`, or `engine_id`) or a custom image (`image_url`). */
export interface JobEngine {
  engine_id?: string | undefined;
  engine_name?: string | undefined;
  engine_version?: string | undefined;
  /** SWR image path, e.g. `swr.cn-north-4.myhuaweicloud.com/org/image:tag`. */
  image_url?: string | undefined;
  install_sys_packages?: boolean | undefined;
}

/**
 * What a job runs. One of: `id` (a saved algorithm); `subscription_id` + `item_version_id`
 * (a subscribed one); `code_dir` + `boot_file` with an `engine`; or `engine.image_url` + `command`.
 */
export interface JobAlgorithm {
  id?: string | undefined;
  name?: string | undefined;
  subscription_id?: string | undefined;
  item_version_id?: string | undefined;
  /** OBS directory of the code, e.g. `/bucket/code/`. */
  code_dir?: string | undefined;
  /** OBS path of the entry script, inside `code_dir`. */
  boot_file?: string | undefined;
  /** YAML-driven AutoSearch jobs (`kind: autosearch_job`): OBS URL of the YAML and of the framework. */
  autosearch_config_path?: string | undefined;
  autosearch_framework_path?: string | undefined;
  command?: string | undefined;
  parameters?: AlgorithmParameter[] | undefined;
  policies?: { auto_search?: AutoSearchPolicy | null | undefined } | undefined;
  inputs?: JobInput[] | undefined;
  outputs?: JobOutput[] | undefined;
  engine?: JobEngine | undefined;
  local_code_dir?: string | undefined;
  working_dir?: string | undefined;
  environments?: Record<string, string> | undefined;
}

/** `spec.resource`: what each trial runs on. */
export interface JobResource {
  /** A resource flavor, e.g. `modelarts.vm.gpu.v100` (GET /training-job-flavors lists them). */
  flavor_id?: string | undefined;
  /** Nodes per trial job; more than 1 is distributed training. */
  node_count?: number | undefined;
  /** A dedicated resource pool; without it the public pool is used. */
  pool_id?: string | undefined;
}

/** A training job's `spec`: resources, volumes, log export, auto stop. */
export interface JobSpec {
  resource?: JobResource | undefined;
  volumes?: Record<string, unknown>[] | undefined;
  log_export_path?: { obs_url?: string | undefined; host_path?: string | undefined } | undefined;
  /** Stop the job after `duration` hours. */
  auto_stop?: { time_unit: 'HOURS'; duration: number } | undefined;
  schedule_policy?: Record<string, unknown> | undefined;
  notification?: { topic_urn?: string | undefined; events?: string[] | undefined } | undefined;
}

/** POST /v2/{project_id}/training-jobs. */
export interface CreateTrainingJobRequest {
  kind: JobKind | (string & {});
  metadata: JobMetadata;
  algorithm?: JobAlgorithm | undefined;
  /** "Not implemented currently" (reference §3.3); leave out when `spec` is given. */
  tasks?: unknown[] | undefined;
  spec?: JobSpec | undefined;
  endpoints?: { ssh?: { key_pair_names?: string[] | undefined } | undefined } | undefined;
}

/** POST /v2/{project_id}/training-jobs/{id}/actions; `terminate` is the only action. */
export interface TrainingJobActionRequest {
  action_type: 'terminate';
}

/** One search condition. Keys seen: name (like), create_time (between, ms), phase (in), algorithm_name, kind, user_id. */
export interface JobSearchFilter {
  key: string;
  operator: 'between' | 'like' | 'in' | 'not' | (string & {});
  value: string[];
}

/** POST /v2/{project_id}/training-job-searches. */
export interface TrainingJobSearchRequest {
  /** Documented as a page index (0 = first page); some servers treat it as a record offset (§6). */
  offset?: number | undefined;
  /** 1–50 jobs per page. */
  limit?: number | undefined;
  /** Default `create_time`. */
  sort_by?: string | undefined;
  /** Default `desc`. */
  order?: 'asc' | 'desc' | undefined;
  group_by?: string | undefined;
  /** `"0"` or a 32-character workspace id. */
  workspace_id?: string | undefined;
  train_type?: 'job' | 'ftjob' | undefined;
  /** At most 10; needs a `create_time` window of at most 31 days. */
  tags?: { key: string; values?: string[] | undefined }[] | undefined;
  host_ips?: string[] | undefined;
  filters?: JobSearchFilter[] | undefined;
}

/** GET …/autosearch-trials. Whether `offset` counts records or pages is undocumented-ambiguous (§6). */
export interface ListAutoSearchTrialsQuery {
  /** Rows per answer (the server's default is 50). */
  limit?: number | undefined;
  offset?: number | undefined;
}

/** GET /v1/{project_id}/workspaces. */
export interface ListWorkspacesQuery {
  /** Documented as the start page, default 0. */
  offset?: number | undefined;
  /** Default 1000, so one call usually returns every workspace. */
  limit?: number | undefined;
  sort_by?: 'name' | 'update_time' | 'status' | undefined;
  order?: 'asc' | 'desc' | undefined;
  enterprise_project_id?: string | undefined;
  /** Workspaces whose name contains this. */
  name?: string | undefined;
  /** Only workspaces the caller may access. */
  filter_accessible?: boolean | undefined;
}
