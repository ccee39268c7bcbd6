/**
 * `algorithm.policies.auto_search` (reference §3.2) → what the simulation needs. ModelArts answers
 * a search configuration it cannot use with ModelArts.2826 (SearchParamsError) and repeated reward
 * attributes with ModelArts.2824 (duplicate search indicators).
 */
import { ALGORITHM_NAMES, DEFAULT_NUM_SAMPLES } from './catalog.js';
import { BEST_REWARD_COLUMN, TRIAL_TABLE_COLUMNS } from './constants.js';
import { wireErrors } from './errors.js';
import { isObject } from './input.js';
import { readSearchParams } from './sample.js';
import type { AutoSearchSpec, JsonObject, RewardMode } from './types.js';

/** Ray runs trials four at a time in the reference example (pids 312–315); the fake's default too. */
export const DEFAULT_MAX_CONCURRENT = 4;
export const MAX_NUM_SAMPLES = 1_000;

/** Columns of the trial table a metric may not shadow. */
const BOOKKEEPING = new Set<string>([...TRIAL_TABLE_COLUMNS, BEST_REWARD_COLUMN]);

export function readAutoSearch(raw: unknown, extraMetrics: readonly string[]): AutoSearchSpec {
  if (!isObject(raw)) throw wireErrors.searchParamsError();
  const rewardAttrs = readRewardAttrs(raw.reward_attrs);
  const space = readSearchParams(raw.search_params);
  const config = readAlgoConfig(raw.algo_configs);
  const names = rewardAttrs.map((r) => r.name);
  return {
    ...config,
    rewardAttrs,
    space,
    paramNames: (raw.search_params as JsonObject[]).map((p) => String(p.name)),
    metrics: [...names, ...extraMetrics.filter((m) => !names.includes(m))],
  };
}

/** The YAML-driven jobs' search (`autosearch_config_path`) lives in OBS; the fake runs the Bayes template's. */
export function templateAutoSearch(extraMetrics: readonly string[]): AutoSearchSpec {
  return readAutoSearch(
    {
      reward_attrs: [{ name: 'accuracy', mode: 'max' }],
      search_params: [{ name: 'lr', param_type: 'continuous', lower_bound: '0.001', upper_bound: '0.1' }],
      algo_configs: [
        {
          name: 'bayes_opt_search',
          params: [
            { key: 'num_samples', value: '8', type: 'Integer' },
            { key: 'max_concurrent', value: '4', type: 'Integer' },
          ],
        },
      ],
    },
    extraMetrics,
  );
}

function readRewardAttrs(raw: unknown): AutoSearchSpec['rewardAttrs'] {
  if (!Array.isArray(raw) || raw.length === 0) throw wireErrors.searchParamsError();
  const attrs = raw.map((attr) => {
    if (!isObject(attr) || typeof attr.name !== 'string' || BOOKKEEPING.has(attr.name.trim())) {
      throw wireErrors.searchParamsError();
    }
    const mode = attr.mode ?? 'max';
    if (mode !== 'max' && mode !== 'min') throw wireErrors.searchParamsError();
    return { name: attr.name, mode: mode as RewardMode };
  });
  if (new Set(attrs.map((a) => a.name)).size !== attrs.length) throw wireErrors.searchIndicatorsDuplicate();
  return attrs;
}

function readAlgoConfig(raw: unknown): Pick<AutoSearchSpec, 'algorithm' | 'numSamples' | 'maxConcurrent'> {
  const first = Array.isArray(raw) ? raw[0] : undefined;
  if (!isObject(first) || typeof first.name !== 'string' || !ALGORITHM_NAMES.includes(first.name)) {
    throw wireErrors.searchParamsError();
  }
  const params = first.params ?? [];
  if (!Array.isArray(params) || !params.every(isObject)) throw wireErrors.searchParamsError();
  const value = (key: string) => params.find((p) => p.key === key)?.value;
  return {
    algorithm: first.name,
    numSamples: readCount(value('num_samples'), DEFAULT_NUM_SAMPLES),
    maxConcurrent: readCount(value('max_concurrent'), DEFAULT_MAX_CONCURRENT),
  };
}

/** Values are text on the wire (`"20"`); numbers are taken too. */
function readCount(value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_NUM_SAMPLES) {
    throw wireErrors.searchParamsError();
  }
  return n;
}
