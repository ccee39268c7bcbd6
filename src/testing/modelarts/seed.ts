/** Putting jobs and workspaces straight into the store, e.g. dozens of jobs for paging tests. */
import type { JsonObject } from './types.js';

/** A training job to put straight into the ModelArts fake's store (`state.seedJob`); everything defaults. */
export interface SeedJobInput {
  /** Default `seeded-job-<n>`, n counting the jobs in the store. */
  name?: string;
  description?: string;
  /** Default `"0"`, the default workspace. */
  workspaceId?: string;
  /** `algorithm.policies.auto_search`; default {@link DEFAULT_SEED_AUTO_SEARCH}; `null` for a plain job without trials. */
  autoSearch?: JsonObject | null;
  /** The rest of `algorithm`; default a code directory and boot file on OBS. */
  algorithm?: JsonObject;
  /** Default now; an earlier time replays the job's run from then on. */
  createdAt?: number | Date;
}

/** A workspace to put into the ModelArts fake's store (`state.seedWorkspace`). */
export interface SeedWorkspaceInput {
  name: string;
  description?: string;
  /** Default the fake's user. */
  owner?: string;
  /** Default `PUBLIC`. */
  authType?: 'PUBLIC' | 'PRIVATE' | 'INTERNAL';
  /** Default `"0"` (the default enterprise project). */
  enterpriseProjectId?: string;
  /** Default now. */
  createdAt?: number | Date;
}

/**
 * The search of the reference's trial-table example: a discrete `batch_size` and a continuous
 * `learning_rate`, rewarded by `acc` (maximized), 8 trials 4 at a time with Bayesian optimisation.
 */
export const DEFAULT_SEED_AUTO_SEARCH: JsonObject = {
  reward_attrs: [{ name: 'acc', mode: 'max', regex: 'acc=([0-9.]+)' }],
  search_params: [
    { name: 'batch_size', param_type: 'discrete', discrete_values: ['16', '32', '64'] },
    { name: 'learning_rate', param_type: 'continuous', lower_bound: '0.001', upper_bound: '0.1' },
  ],
  algo_configs: [
    {
      name: 'bayes_opt_search',
      params: [
        { key: 'num_samples', value: '8', type: 'Integer' },
        { key: 'max_concurrent', value: '4', type: 'Integer' },
        { key: 'kind', value: 'ucb', type: 'String' },
      ],
    },
  ],
};

/** The `algorithm` a seeded job has unless given: code and boot file on OBS, a PyTorch engine. */
export const DEFAULT_SEED_ALGORITHM: JsonObject = {
  code_dir: '/crosstune-fake-bucket/code/',
  boot_file: '/crosstune-fake-bucket/code/train.py',
  engine: { engine_name: 'PyTorch', engine_version: 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64' },
  outputs: [{ name: 'train_url', remote: { obs: { obs_url: '/crosstune-fake-bucket/output/' } } }],
};

/** The CreateTrainingJob body a seeded job stands for. */
export function seedRequest(input: SeedJobInput, defaultName: string): JsonObject {
  const autoSearch = input.autoSearch === undefined ? DEFAULT_SEED_AUTO_SEARCH : input.autoSearch;
  return {
    kind: 'job',
    metadata: {
      name: input.name ?? defaultName,
      description: input.description ?? '',
      workspace_id: input.workspaceId ?? '0',
    },
    algorithm: {
      ...structuredClone(input.algorithm ?? DEFAULT_SEED_ALGORITHM),
      policies: { auto_search: autoSearch === null ? null : structuredClone(autoSearch) },
    },
    spec: { resource: { flavor_id: 'modelarts.vm.gpu.p100', node_count: 1 } },
  };
}
