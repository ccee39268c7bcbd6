/**
 * AutoFE experiments (CreateAutofeExperiment / GetAutofeExperiment): checked against the
 * AutofeExperimentConfiguration the reference lists (§5.3), then run on the virtual clock as one
 * job that ends FINISHED with a selection of the table's features.
 */
import { deriveRng, randomBetween, randomHex } from '../engine/rng.js';
import { invalid, readObject, readString } from './input.js';
import type { SimulationOptions } from './simulate.js';
import { formatPaiTime, pythonJson } from './text.js';
import type { ExperimentStatus, JsonObject } from './types.js';

export interface AutofeRecord {
  readonly id: string;
  readonly name: string;
  readonly creator: string;
  readonly createdAt: number;
  readonly runStartAt: number;
  readonly endAt: number;
  readonly selectedFeatures: readonly string[];
  readonly jobMeta: JsonObject;
}

const ROOT = 'AutofeExperimentConfiguration';
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  oss_config: ['oss_bucket', 'oss_endpoint'],
  odps_config: ['odps_region_id', 'odps_project_name', 'odps_endpoint'],
  yml_config: ['workspace_name', 'output_config_oss_dir', 'label', 'data_source'],
};

/** Every leaf is a string; the required ones must be there. Returns yml_config. */
export function validateAutofeConfiguration(value: unknown): JsonObject {
  const config = readObject(value, ROOT, true) as JsonObject;
  for (const [section, required] of Object.entries(REQUIRED)) {
    const body = readObject(config[section], `${ROOT}.${section}`, true) as JsonObject;
    for (const [key, leaf] of Object.entries(body)) {
      readString(leaf, `${ROOT}.${section}.${key}`, { required: required.includes(key) });
    }
    for (const key of required) readString(body[key], `${ROOT}.${section}.${key}`, { required: true });
  }
  const yml = config.yml_config as JsonObject;
  if (!String(yml.output_config_oss_dir).startsWith('oss://')) {
    throw invalid(`${ROOT}.yml_config.output_config_oss_dir`, 'must be an oss:// directory');
  }
  return yml;
}

/** Column names a feature-engineering run plausibly keeps; which ones is drawn from the seed. */
const FEATURE_POOL = [
  'age',
  'sex',
  'education',
  'occupation',
  'income',
  'marital_status',
  'hours_per_week',
  'capital_gain',
  'capital_loss',
  'native_country',
  'workclass',
  'relationship',
];

export function planAutofe(input: {
  seed: number;
  id: string;
  name: string;
  creator: string;
  createdAt: number;
  yml: JsonObject;
  options: SimulationOptions;
}): AutofeRecord {
  const rng = deriveRng(input.seed, 'pai', 'autofe', input.id);
  const excluded = new Set([String(input.yml.label), ...String(input.yml.exclude_columns ?? '').split(',')]);
  const selectedFeatures = FEATURE_POOL.filter((name) => !excluded.has(name) && rng() < 0.6);
  const runStartAt = input.createdAt + input.options.launchDelayMs;
  const outputDir = String(input.yml.output_config_oss_dir).replace(/\/?$/, '/');
  return {
    id: input.id,
    name: input.name,
    creator: input.creator,
    createdAt: input.createdAt,
    runStartAt,
    endAt: runStartAt + Math.round(randomBetween(rng, ...input.options.autofeRunMs)),
    selectedFeatures,
    jobMeta: {
      dlc_job_id: `dlc${randomHex(rng, 13)}`,
      workspace_name: input.yml.workspace_name,
      data_source: input.yml.data_source,
      output_dir: `${outputDir}${input.id}/`,
    },
  };
}

export function autofeStatusAt(
  record: AutofeRecord,
  now: number,
  options: SimulationOptions,
): ExperimentStatus {
  if (now >= record.endAt) return 'FINISHED';
  if (now >= record.runStartAt) return 'RUNNING';
  return now >= record.createdAt + options.startDelayMs ? 'WAITING' : 'CREATED';
}

/** GetAutofeExperiment's fields (reference §2.2); the selection is known once the run finished. */
export function renderAutofe(record: AutofeRecord, now: number, options: SimulationOptions): JsonObject {
  const status = autofeStatusAt(record, now, options);
  const changes = [
    record.createdAt,
    record.createdAt + options.startDelayMs,
    record.runStartAt,
    record.endAt,
  ];
  return {
    ExperimentId: record.id,
    Name: record.name,
    Creator: record.creator,
    Status: status,
    JobMeta: pythonJson(record.jobMeta),
    SelectedFeatures: status === 'FINISHED' ? record.selectedFeatures.join(',') : '',
    GmtCreateTime: formatPaiTime(record.createdAt),
    GmtModifiedTime: formatPaiTime(Math.max(...changes.filter((t) => t <= now))),
  };
}
