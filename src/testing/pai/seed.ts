// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI placeholders are literally written ${name}.
/** Putting experiments straight into the store, e.g. dozens of them for paging tests. */

import type { Tag } from './tags.js';
import type { JsonObject, NewExperiment } from './types.js';

/** An experiment to put straight into the PAI fake's store (`state.seedExperiment`); everything defaults. */
export interface SeedExperimentInput {
  name?: string;
  description?: string;
  workspaceId?: string;
  /** Default `PRIVATE`. */
  accessibility?: 'PUBLIC' | 'PRIVATE';
  /** Default the fake's user ({@link FAKE_ALIYUN_USER_ID} unless the credentials say otherwise). */
  creator?: string;
  tags?: Tag[];
  /** Default {@link DEFAULT_SEED_CONFIGURATION}; checked like CreateHpoExperiment's. */
  configuration?: JsonObject;
  /** Default now; an earlier time replays the experiment's run from then on. */
  createdAt?: number | Date;
}

/**
 * A DLC experiment tuning a learning rate and a batch size on a stdout metric: a plausible
 * HpoExperimentConfiguration, also handy as a starting point in tests.
 */
export const DEFAULT_SEED_CONFIGURATION: JsonObject = {
  platform_config: {
    name: 'DLC',
    cmd: [
      "dlc submit pytorch --name=crosstune_${exp_id}_${trial_id} --workers=1 --command='python train.py --lr=${lr} --batch_size=${batch_size}'",
    ],
  },
  metric_config: {
    metric_type: 'stdout',
    metric_source: ['cmd1'],
    final_mode: 'final',
    metric_dict: { 'val_accuracy=([0-9\\.]+)': 1 },
  },
  search_space: {
    '${lr}': { _type: 'loguniform', _value: [0.0001, 0.1] },
    '${batch_size}': { _type: 'choice', _value: [16, 32, 64] },
  },
  yml_config: {
    max_trial_number: 10,
    trial_concurrency: 2,
    tuner: { name: 'TPE', class_args: { optimize_mode: 'maximize' } },
  },
  dlc_config: { endpoint: 'pai-dlc.cn-hangzhou.aliyuncs.com', region: 'cn-hangzhou', protocol: 'https' },
};

export function seedInput(input: SeedExperimentInput, defaultCreator: string): NewExperiment {
  return {
    name: input.name ?? '',
    description: input.description ?? '',
    workspaceId: input.workspaceId ?? '',
    accessibility: input.accessibility ?? 'PRIVATE',
    tags: input.tags ?? [],
    configuration: structuredClone(input.configuration ?? DEFAULT_SEED_CONFIGURATION),
    creator: input.creator ?? defaultCreator,
  };
}
