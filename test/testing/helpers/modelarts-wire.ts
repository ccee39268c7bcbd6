/**
 * ModelArts' documented examples (reference modelarts.md §3.1 / §3.3, from Huawei's API pages),
 * copied here so tests never read the shared reference at run time.
 */

/** ShowAutoSearchTrials: the list table's header and its first row. */
export const TRIALS_EXAMPLE = {
  total: 8,
  count: 8,
  limit: 50,
  offset: 0,
  group_by: '',
  header: [
    '',
    'done',
    'pid',
    'config',
    'trial_id',
    'training_iteration',
    'time_total_s',
    'worker_index',
    'reward_attr',
    'status',
    'acc',
    'loss',
    'best_reward',
  ],
  firstRow: [
    '0',
    'True',
    '314',
    {
      batch_size: 32,
      learning_rate: 0.05512301741232006,
      trial_index: 0,
      'param/batch_size': 32,
      'param/learning_rate': 0.05512301741232006,
    },
    'ae544174',
    '2',
    '19.477163314819336',
    '',
    '0.0625',
    'TERMINATED',
    '0.0625',
    "tensor(0.0754, device='cuda:0', requires_grad=True)",
    '0.0625',
  ],
};

/** ShowAutoSearchPerTrial's header: other columns, in another order. */
export const PER_TRIAL_HEADER = [
  'done',
  'pid',
  'best_reward',
  'time_total_s',
  'config',
  'acc',
  'loss',
  'trial_id',
  'training_iteration',
  'reward_attr',
];

export const ALGORITHMS_EXAMPLE = {
  search_algo_count: 3,
  search_algo_list: [
    {
      name: 'bayes_opt_search',
      params: [
        { key: 'kind', value: 'ucb', type: 'String' },
        { key: 'kappa', value: '2.5', type: 'Float' },
        { key: 'xi', value: '0.0', type: 'Float' },
        { key: 'num_samples', value: '20', type: 'Integer' },
        { key: 'seed', value: '1', type: 'Integer' },
      ],
      description: 'Hyperparameter search using Gaussian process.',
    },
    {
      name: 'tpe_search',
      params: [
        { key: 'gamma', value: '0.25', type: 'Float' },
        { key: 'n_initial_points', value: '20', type: 'Integer' },
        { key: 'num_samples', value: '20', type: 'Integer' },
        { key: 'seed', value: '1', type: 'Integer' },
      ],
      description: 'Hyperparameter search using the tree-structured Parzen estimator algorithm.',
    },
    {
      name: 'anneal_search',
      params: [
        { key: 'avg_best_idx', value: '2.0', type: 'Float' },
        { key: 'shrink_coef', value: '0.1', type: 'Float' },
        { key: 'num_samples', value: '20', type: 'Integer' },
        { key: 'seed', value: '1', type: 'Integer' },
      ],
      description: 'Hyperparameter search using simulated annealing algorithm.',
    },
  ],
};

export const YAML_TEMPLATES_EXAMPLE = [
  {
    algorithm_type_en: 'hpo',
    algorithm_names: ['Anneal', 'Bayes', 'DragonFly', 'FixNorm', 'GridSearch', 'TPE'],
  },
  { algorithm_type_en: 'nas', algorithm_names: ['AutoBSS', 'AutoEvo', 'AutoTopo', 'MBNAS'] },
  { algorithm_type_en: 'augment', algorithm_names: ['AdvAutoAugment', 'AutoAugment'] },
  { algorithm_type_en: 'compression', algorithm_names: ['AutoCompress'] },
];

export const BAYES_TEMPLATE_EXAMPLE = {
  file_name: 'Bayes.yaml',
  content:
    'general:\n  instance_per_trial: 1\n  gpu_per_instance: 1\n  cpu_per_instance: 1\n\nsearch_space:\n  - params:   # only support continuous params\n    - type: continuous_param\n      name : lr\n      start: 0.001\n      stop: 0.1\n\nsearch_algorithm:\n  type: bayes_opt_search\n  max_concurrent: 4\n  reward_attr: accuracy\n  num_samples: 8\n  kind : ucb\n  save_model_count : 3\n  mode: max\n\nscheduler:\n  type: FIFOScheduler',
};

/** The keys of the create example's 201 JobResponse (the job-search example's items have the same). */
export const JOB_RESPONSE_KEYS = {
  top: ['kind', 'metadata', 'status', 'algorithm', 'spec'],
  metadata: ['id', 'name', 'description', 'create_time', 'workspace_id', 'user_name'],
  createdStatus: {
    phase: 'Creating',
    secondary_phase: 'Creating',
    duration: 0,
    start_time: 0,
    node_count_metrics: null,
  },
  searchKeys: [
    'total',
    'count',
    'limit',
    'offset',
    'sort_by',
    'order',
    'group_by',
    'workspace_id',
    'ai_project',
    'items',
  ],
};

export const PARAMETER_ANALYSIS_HEADER = ['parameters', 'the mean/std of importance'];
