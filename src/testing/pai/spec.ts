/**
 * HpoExperimentConfiguration checks (reference §5) and the simulation spec read from it. Members
 * the reference marks required are required; enumerations follow its lists and NNI's built-ins.
 */
import { invalid, readInteger, readObject, readString, readStringList } from './input.js';
import { gridAxes, gridSize, readSearchSpace } from './sample.js';
import type { FinalMode, HpoSpec, JsonObject, OptimizeMode } from './types.js';

/** PAI's six documented algorithms under NNI's names, plus NNI's other built-ins PAI runs on. */
export const TUNERS = [
  'TPE',
  'Random',
  'Anneal',
  'Evolution',
  'GridSearch',
  'GP',
  'GPTuner',
  'PBT',
  'PBTTuner',
  'SMAC',
  'Hyperband',
  'MetisTuner',
  'BOHB',
  'DNGOTuner',
] as const;
export const ASSESSORS = ['PAIAssessor', 'Medianstop', 'Curvefitting'] as const;
export const METRIC_TYPES = ['table', 'summary', 'stdout', 'json'] as const;
export const FINAL_MODES = ['final', 'best', 'avg'] as const;
const OPTIMIZE_MODES = ['maximize', 'minimize'] as const;

/** When yml_config leaves them out (NNI's own defaults are "unlimited" and 1). */
export const DEFAULT_MAX_TRIAL_NUMBER = 10;
export const DEFAULT_TRIAL_CONCURRENCY = 1;

const ROOT = 'HpoExperimentConfiguration';

export function buildSpec(config: JsonObject): HpoSpec {
  const platform = readObject(config.platform_config, `${ROOT}.platform_config`, true) as JsonObject;
  const platformName = readString(platform.name, `${ROOT}.platform_config.name`, {
    required: true,
  }) as string;
  const commands = readStringList(platform.cmd, `${ROOT}.platform_config.cmd`, true) as string[];
  readString(platform.resume, `${ROOT}.platform_config.resume`);

  const metric = readObject(config.metric_config, `${ROOT}.metric_config`, true) as JsonObject;
  const path = `${ROOT}.metric_config`;
  const metricType = readString(metric.metric_type, `${path}.metric_type`, {
    required: true,
    allowed: METRIC_TYPES,
  }) as string;
  const sources = readStringList(metric.metric_source, `${path}.metric_source`, true) as string[];
  if (metricType === 'stdout') checkStdoutSources(sources, commands.length);
  const finalMode = readString(metric.final_mode, `${path}.final_mode`, {
    required: true,
    allowed: FINAL_MODES,
  }) as FinalMode;
  readString(metric.source_list_final_mode, `${path}.source_list_final_mode`, { allowed: FINAL_MODES });
  const metricWeights = readWeights(metric.metric_dict, `${path}.metric_dict`);

  const searchSpace = readSearchSpace(config.search_space, `${ROOT}.search_space`);
  const yml = readObject(config.yml_config, `${ROOT}.yml_config`) ?? {};
  const tuner = readObject(yml.tuner, `${ROOT}.yml_config.tuner`) ?? {};
  const tunerName = readString(tuner.name, `${ROOT}.yml_config.tuner.name`, { allowed: TUNERS }) ?? 'TPE';
  const tunerArgs = readObject(tuner.class_args, `${ROOT}.yml_config.tuner.class_args`) ?? {};
  const axes = tunerName === 'GridSearch' ? gridAxes(searchSpace) : [];
  if (axes === undefined) {
    throw invalid(`${ROOT}.search_space`, 'GridSearch takes only choice, randint and quniform parameters');
  }
  readString(yml.experiment_name, `${ROOT}.yml_config.experiment_name`);
  readString(yml.log_level, `${ROOT}.yml_config.log_level`);
  for (const section of OTHER_SECTIONS) readObject(config[section], `${ROOT}.${section}`);
  const output = readObject(config.output_config, `${ROOT}.output_config`) ?? {};

  return {
    searchSpace,
    tuner: tunerName,
    tunerLimit: tunerName === 'GridSearch' ? gridSize(axes) : Number.POSITIVE_INFINITY,
    optimizeMode: readOptimizeMode(tunerArgs, `${ROOT}.yml_config.tuner.class_args`) ?? 'maximize',
    maxTrials:
      readInteger(yml.max_trial_number, `${ROOT}.yml_config.max_trial_number`, { min: 1, max: 10_000 }) ??
      DEFAULT_MAX_TRIAL_NUMBER,
    concurrency:
      readInteger(yml.trial_concurrency, `${ROOT}.yml_config.trial_concurrency`, { min: 1, max: 1_000 }) ??
      DEFAULT_TRIAL_CONCURRENCY,
    earlyStopStartStep: readAssessor(yml.assessor),
    platform: platformName,
    commands,
    metricType,
    metricWeights,
    finalMode,
    modelPath: readString(output.model_path, `${ROOT}.output_config.model_path`),
  };
}

/** Sections besides platform, metric and output configuration, in the order hpo_tools reads them. */
export const OTHER_SECTIONS = [
  'odps_config',
  'oss_config',
  'dlc_config',
  'paiflow_config',
  'ts_config',
  'params_config',
  'schedule_config',
  'monitor_config',
  'k8s_config',
] as const;

/** The report after which the assessor may stop a trial, or `undefined` when it never does. */
function readAssessor(value: unknown): number | undefined {
  const path = `${ROOT}.yml_config.assessor`;
  const assessor = readObject(value, path);
  if (assessor === undefined) return undefined;
  readString(assessor.name, `${path}.name`, { required: true, allowed: ASSESSORS });
  const args = readObject(assessor.class_args, `${path}.class_args`) ?? {};
  readOptimizeMode(args, `${path}.class_args`);
  if (args.earlystop !== undefined && typeof args.earlystop !== 'boolean') {
    throw invalid(`${path}.class_args.earlystop`, 'must be a boolean');
  }
  const startStep = readInteger(args.start_step, `${path}.class_args.start_step`, { min: 0 });
  return args.earlystop === false ? undefined : Math.max(1, startStep ?? 1);
}

function readOptimizeMode(args: JsonObject, path: string): OptimizeMode | undefined {
  return readString(args.optimize_mode, `${path}.optimize_mode`, { allowed: OPTIMIZE_MODES }) as
    | OptimizeMode
    | undefined;
}

function readWeights(value: unknown, path: string): Record<string, number> {
  const dict = readObject(value, path, true) as JsonObject;
  const entries = Object.entries(dict);
  if (entries.length === 0) throw invalid(path, 'must name at least one metric');
  for (const [name, weight] of entries) {
    if (typeof weight !== 'number' || !Number.isFinite(weight))
      throw invalid(`${path}.${name}`, 'must be a number');
  }
  return dict as Record<string, number>;
}

/** stdout metrics name the command whose output is scraped: `cmd1` is the first (reference §5). */
function checkStdoutSources(sources: readonly string[], commandCount: number): void {
  sources.forEach((source, i) => {
    const index = /^cmd(\d+)$/.exec(source)?.[1];
    if (index === undefined || Number(index) < 1 || Number(index) > commandCount) {
      throw invalid(
        `${ROOT}.metric_config.metric_source[${i}]`,
        `stdout metrics must name a command as cmd1..cmd${commandCount}, got '${source}'`,
      );
    }
  });
}

/**
 * UpdateHpoExperiment merges: nested objects member by member, everything else replaced. A new
 * search_space replaces the old one whole, so parameters can be dropped.
 */
export function mergeConfiguration(base: JsonObject, patch: JsonObject): JsonObject {
  const merged = deepMerge(base, patch);
  if (patch.search_space !== undefined) merged.search_space = patch.search_space;
  return merged;
}

function deepMerge(base: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const prior = out[key];
    out[key] = isPlainObject(prior) && isPlainObject(value) ? deepMerge(prior, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
