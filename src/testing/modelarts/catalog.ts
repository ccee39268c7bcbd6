/**
 * The fixed catalogues ModelArts serves: the search algorithms (ShowSearchAlgorithms, the
 * reference example verbatim) and the AutoSearch YAML templates (the example list; the hpo/Bayes
 * content is the example's, the others are written the same way).
 */
import type { JsonObject } from './types.js';

const param = (key: string, value: string, type: string) => ({ key, value, type });

export const SEARCH_ALGORITHMS: readonly JsonObject[] = [
  {
    name: 'bayes_opt_search',
    params: [
      param('kind', 'ucb', 'String'),
      param('kappa', '2.5', 'Float'),
      param('xi', '0.0', 'Float'),
      param('num_samples', '20', 'Integer'),
      param('seed', '1', 'Integer'),
    ],
    description: 'Hyperparameter search using Gaussian process.',
  },
  {
    name: 'tpe_search',
    params: [
      param('gamma', '0.25', 'Float'),
      param('n_initial_points', '20', 'Integer'),
      param('num_samples', '20', 'Integer'),
      param('seed', '1', 'Integer'),
    ],
    description: 'Hyperparameter search using the tree-structured Parzen estimator algorithm.',
  },
  {
    name: 'anneal_search',
    params: [
      param('avg_best_idx', '2.0', 'Float'),
      param('shrink_coef', '0.1', 'Float'),
      param('num_samples', '20', 'Integer'),
      param('seed', '1', 'Integer'),
    ],
    description: 'Hyperparameter search using simulated annealing algorithm.',
  },
];

export const ALGORITHM_NAMES: readonly string[] = SEARCH_ALGORITHMS.map((a) => a.name as string);

/** `num_samples` when the job's algorithm config does not give one: the catalogue's default. */
export const DEFAULT_NUM_SAMPLES = 20;

interface TemplateType {
  readonly en: string;
  readonly zh: string;
  readonly names: readonly string[];
}

export const YAML_TEMPLATE_TYPES: readonly TemplateType[] = [
  { en: 'hpo', zh: '超参优化', names: ['Anneal', 'Bayes', 'DragonFly', 'FixNorm', 'GridSearch', 'TPE'] },
  { en: 'nas', zh: '网络结构搜索', names: ['AutoBSS', 'AutoEvo', 'AutoTopo', 'MBNAS'] },
  { en: 'augment', zh: '数据增强', names: ['AdvAutoAugment', 'AutoAugment'] },
  { en: 'compression', zh: '模型压缩', names: ['AutoCompress'] },
];

const GENERAL = 'general:\n  instance_per_trial: 1\n  gpu_per_instance: 1\n  cpu_per_instance: 1\n\n';

/** The reference's hpo/Bayes example, character for character. */
const BAYES =
  `${GENERAL}search_space:\n  - params:   # only support continuous params\n    - type: continuous_param\n      name : lr\n      start: 0.001\n      stop: 0.1\n\n` +
  'search_algorithm:\n  type: bayes_opt_search\n  max_concurrent: 4\n  reward_attr: accuracy\n  num_samples: 8\n  kind : ucb\n  save_model_count : 3\n  mode: max\n\nscheduler:\n  type: FIFOScheduler';

const HPO_ALGORITHMS: Readonly<Record<string, string>> = {
  Anneal: 'anneal_search',
  DragonFly: 'dragonfly_search',
  FixNorm: 'fixnorm_search',
  GridSearch: 'grid_search',
  TPE: 'tpe_search',
};

/** `{file_name, content}` for a template, or `undefined` when the type has no such name. */
export function yamlTemplate(type: string, name: string): { file_name: string; content: string } | undefined {
  const found = YAML_TEMPLATE_TYPES.find((t) => t.en === type);
  if (found === undefined || !found.names.includes(name)) return undefined;
  return { file_name: `${name}.yaml`, content: templateContent(type, name) };
}

function templateContent(type: string, name: string): string {
  if (type === 'hpo' && name === 'Bayes') return BAYES;
  if (type === 'hpo') {
    return (
      `${GENERAL}search_space:\n  - params:\n    - type: continuous_param\n      name : lr\n      start: 0.001\n      stop: 0.1\n\n` +
      `search_algorithm:\n  type: ${HPO_ALGORITHMS[name] ?? name}\n  max_concurrent: 4\n  reward_attr: accuracy\n  num_samples: 8\n  mode: max\n\nscheduler:\n  type: FIFOScheduler`
    );
  }
  return (
    `${GENERAL}search_algorithm:\n  type: ${name}\n  max_concurrent: 1\n  reward_attr: accuracy\n  num_samples: 16\n  mode: max\n\n` +
    `${type}:\n  config_path: ./${type}/${name.toLowerCase()}.py\n\nscheduler:\n  type: FIFOScheduler`
  );
}
