/** CreateTrainingJob bodies for tests, shaped like the reference's create example plus an auto search. */
type Json = Record<string, unknown>;

export interface JobRequestOptions {
  name?: string;
  numSamples?: number;
  maxConcurrent?: number;
  mode?: 'max' | 'min';
  rewardName?: string;
  algorithm?: string;
  workspaceId?: string;
  /** `null` for a plain training job without auto search. */
  autoSearch?: Json | null;
}

export function jobRequest(options: JobRequestOptions = {}): Json {
  const autoSearch =
    options.autoSearch === undefined
      ? {
          reward_attrs: [
            { name: options.rewardName ?? 'acc', mode: options.mode ?? 'max', regex: 'acc=([0-9.]+)' },
          ],
          search_params: [
            { name: 'batch_size', param_type: 'discrete', discrete_values: ['16', '32', '64'] },
            { name: 'learning_rate', param_type: 'continuous', lower_bound: '0.001', upper_bound: '0.1' },
          ],
          algo_configs: [
            {
              name: options.algorithm ?? 'bayes_opt_search',
              params: [
                { key: 'num_samples', value: String(options.numSamples ?? 8), type: 'Integer' },
                { key: 'max_concurrent', value: String(options.maxConcurrent ?? 4), type: 'Integer' },
              ],
            },
          ],
        }
      : options.autoSearch;
  return {
    kind: 'job',
    metadata: {
      name: options.name ?? 'TestModelArtsJob',
      description: 'This is a ModelArts job',
      ...(options.workspaceId === undefined ? {} : { workspace_id: options.workspaceId }),
    },
    algorithm: {
      code_dir: '/test/autosearch-code/',
      boot_file: '/test/autosearch-code/train.py',
      engine: {
        engine_name: 'PyTorch',
        engine_version: 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64',
      },
      outputs: [{ name: 'train_url', remote: { obs: { obs_url: '/test-wrk/autosearch-test/output/' } } }],
      policies: { auto_search: autoSearch },
    },
    spec: { resource: { flavor_id: 'modelarts.p3.large.public.free', node_count: 1 } },
  };
}
