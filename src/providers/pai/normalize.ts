/**
 * PAI wire → neutral objects: HPO experiment → Experiment, HPO trial → Trial, a trial's backend
 * job → TrainingJob. Field paths in errors are those of the answer (`Trials.3.FinalMetric`); the
 * untouched item stays in `raw` and PAI's status word in `providerStatus`.
 */
import { decodeNumber, wordIn } from '../../core/fields.js';
import { trialAsTrainingJob } from '../../core/training-job.js';
import {
  ENDED_EXPERIMENT_STATUSES,
  ENDED_TRIAL_STATUSES,
  type Experiment,
  type ExperimentLimits,
  type ExperimentStatus,
  type MetricPoint,
  type Objective,
  type TrainingJob,
  type Trial,
  type TrialCounts,
  type TrialStatus,
  type TrialUsage,
} from '../../core/types.js';
import {
  type JsonObject,
  jsonObject,
  member,
  notedObjective,
  optionalInteger,
  searchSpaceObject,
  yamlObject,
} from './decode.js';
import { hyperParametersFromPai, readSearchSpace } from './search-space.js';
import { readHpoExperiment, readHpoTrial } from './views.js';
import type { CommandsResult, GetHpoExperimentResult, PaiExperimentWire, PaiTrialWire } from './wire.js';

const EXPERIMENT_STATUS = new Map<string, ExperimentStatus>([
  ['CREATED', 'pending'],
  ['WAITING', 'pending'],
  ['RUNNING', 'running'],
  // NNI's word for "the tuner has proposed its last trial": the running ones still run.
  ['NO_MORE_TRIAL', 'running'],
  ['FINISHED', 'completed'],
  ['FAILED', 'failed'],
  // Ended before its trial budget, by its early-stopping rules.
  ['EARLY_STOPPED', 'stopped'],
  ['USER_CANCELED', 'stopped'],
  ['SYS_CANCELED', 'stopped'],
  ['UNKNOWN', 'unknown'],
]);

const TRIAL_STATUS = new Map<string, TrialStatus>([
  ['WAITING', 'pending'],
  ['RUNNING', 'running'],
  ['SUCCEEDED', 'completed'],
  ['FINISHED', 'completed'],
  ['FAILED', 'failed'],
  ['EARLY_STOPPED', 'early_stopped'],
  ['USER_CANCELED', 'stopped'],
  ['SYS_CANCELED', 'stopped'],
  ['UNKNOWN', 'unknown'],
]);

export function experimentStatus(word: string | null | undefined): ExperimentStatus {
  return wordIn(EXPERIMENT_STATUS, word, 'upper') ?? 'unknown';
}

export function trialStatus(word: string | null | undefined): TrialStatus {
  return wordIn(TRIAL_STATUS, word, 'upper') ?? 'unknown';
}

/** The name PAI gives the value it ranks trials by: the weighted sum of `metric_dict`, NNI's `default`. */
export const OBJECTIVE_METRIC = 'default';

function direction(mode: unknown): Objective['direction'] | undefined {
  const word = typeof mode === 'string' ? mode.trim().toLowerCase() : undefined;
  return word === 'maximize' || word === 'minimize' ? word : undefined;
}

/**
 * Direction from the tuner's (else the assessor's) `optimize_mode`, in the JSON configuration or
 * in the YAML file. The metric is the name the experiment was created with when its description
 * records it (see `withObjectiveNote`); else `metric_dict`'s only key; with several weighted keys,
 * the weighted sum PAI calls `default`.
 */
function objectiveOf(
  config: JsonObject | undefined,
  yml: JsonObject | undefined,
  description: string | null | undefined,
  path: string,
): Objective | undefined {
  const mode =
    direction(member(config, 'yml_config', 'tuner', 'class_args', 'optimize_mode')) ??
    direction(member(yml, 'tuner', 'classArgs', 'optimize_mode')) ??
    direction(member(config, 'yml_config', 'assessor', 'class_args', 'optimize_mode')) ??
    direction(member(yml, 'assessor', 'classArgs', 'optimize_mode'));
  if (mode === undefined) return undefined;
  const dict = jsonObject(
    member(config, 'metric_config', 'metric_dict'),
    `${path}HpoExperimentConfiguration.metric_config.metric_dict`,
  );
  const names = Object.keys(dict ?? {});
  const fromDict = names.length === 1 ? (names[0] as string) : OBJECTIVE_METRIC;
  return { metric: notedObjective(description) ?? fromDict, direction: mode };
}

function limitsOf(
  config: JsonObject | undefined,
  yml: JsonObject | undefined,
  path: string,
): ExperimentLimits {
  const fromConfig = (key: string) =>
    optionalInteger(member(config, 'yml_config', key), `${path}HpoExperimentConfiguration.yml_config.${key}`);
  const fromYml = (key: string) => optionalInteger(member(yml, key), `${path}ConfigYml.${key}`);
  return {
    maxTrials: fromConfig('max_trial_number') ?? fromYml('maxTrialNumber'),
    maxParallelTrials: fromConfig('trial_concurrency') ?? fromYml('trialConcurrency'),
  };
}

function countsOf(byStatus: Record<string, number> | undefined, total: number | undefined): TrialCounts {
  const counts: TrialCounts = {};
  let sum = 0;
  for (const [word, n] of Object.entries(byStatus ?? {})) {
    const status = trialStatus(word);
    counts[status] = (counts[status] ?? 0) + n;
    sum += n;
  }
  counts.total = total ?? (byStatus ? sum : undefined);
  return counts;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Only what ordering trials by objective needs, so that nothing else of the answer can stand in its way. */
export function experimentObjective(item: GetHpoExperimentResult): Objective | undefined {
  return objectiveOf(
    jsonObject(item.HpoExperimentConfiguration, 'HpoExperimentConfiguration'),
    yamlObject(item.ConfigYml, 'ConfigYml'),
    item.Description,
    '',
  );
}

/** An experiment from GetHpoExperiment or from a ListHpoExperiments item (`path` = `Experiments.3.`). */
export function experimentFromWire(
  item: PaiExperimentWire,
  path = '',
): Experiment<PaiExperimentWire, PaiTrialWire> {
  const view = readHpoExperiment(item, path);
  const config = view.configuration;
  const yml = view.configYml;
  const status = experimentStatus(view.status);
  const nni =
    view.searchSpace ??
    searchSpaceObject(member(config, 'search_space'), `${path}HpoExperimentConfiguration.search_space`);
  const searchSpacePath = view.searchSpace ? 'SearchSpace' : 'HpoExperimentConfiguration.search_space';
  return {
    provider: 'pai',
    id: view.experimentId,
    name: view.name ?? view.experimentId,
    status,
    providerStatus: view.status,
    objective: objectiveOf(config, yml, view.description, path),
    algorithm: text(member(config, 'yml_config', 'tuner', 'name')) ?? text(member(yml, 'tuner', 'name')),
    limits: limitsOf(config, yml, path),
    trialCounts: countsOf(view.trialStatus, view.trialCount),
    searchSpace: readSearchSpace(nni, `${path}${searchSpacePath}`),
    createdAt: view.createdAt,
    updatedAt: view.modifiedAt,
    // PAI keeps no end time; an ended experiment was last modified when it ended.
    endedAt: ENDED_EXPERIMENT_STATUSES.has(status) ? view.modifiedAt : undefined,
    raw: item,
  };
}

/**
 * One point per metric of every entry of `Metric`, `step` being the entry's position; the FINAL
 * entry's points are `final`. `type` is the entry's kind, not a metric.
 */
function metricPoints(entries: JsonObject[], path: string): MetricPoint[] {
  const points: MetricPoint[] = [];
  for (let step = 0; step < entries.length; step++) {
    const entry = entries[step] as JsonObject;
    const final = isFinal(entry.type);
    for (const name in entry) {
      const value = entry[name];
      if (name === 'type' || value === null || value === undefined) continue;
      // The path is spelt out only for a value that is not a plain number: a listing reads thousands.
      // Stryker disable next-line ConditionalExpression,StringLiteral: decodeNumber hands a number back as it is; this only skips building the path.
      const n = typeof value === 'number' ? value : decodeNumber(value, `${path}.${step}.${name}`);
      points.push({ name, value: n, step, final });
    }
  }
  return points;
}

/** `FINAL` in any case; PAI's own spelling without a copy of the word, as a listing reads thousands. */
function isFinal(type: unknown): boolean {
  if (typeof type !== 'string') return false;
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; toUpperCase below reads PAI's spelling the same.
  if (type === 'FINAL') return true;
  return type.toUpperCase() === 'FINAL';
}

/** What a trial needs from its experiment to be read: whose it is and what its objective is called. */
export interface TrialContext {
  experimentId?: string | undefined;
  /** The experiment's objective name; `default` (PAI's own key for the ranked value) without one. */
  objectiveMetric?: string | undefined;
}

export function trialFromWire(
  item: PaiTrialWire,
  path = '',
  context: TrialContext = {},
): Trial<PaiTrialWire> {
  // A trial does not carry JobMeta (a training job does): left unread, as a listing reads thousands.
  const view = readHpoTrial(item, path, { jobMeta: false });
  const status = trialStatus(view.status);
  const metrics = metricPoints(view.metricEntries, `${path}Metric`);
  const fromEntries = metrics.find((m) => m.final && m.name === OBJECTIVE_METRIC)?.value;
  const value = view.finalMetric ?? fromEntries;
  if (view.finalMetric !== undefined && fromEntries === undefined) {
    metrics.push({ name: OBJECTIVE_METRIC, value: view.finalMetric, final: true });
  }
  // PAI keeps no start or end time; an ended trial was last modified when it ended.
  const endedAt = ENDED_TRIAL_STATUSES.has(status) ? view.modifiedAt : undefined;
  return {
    provider: 'pai',
    id: view.trialId,
    experimentId: view.experimentId ?? context.experimentId ?? '',
    status,
    providerStatus: view.status,
    hyperParameters: hyperParametersFromPai(view.hyperparameters),
    objective:
      value === undefined ? undefined : { metric: context.objectiveMetric ?? OBJECTIVE_METRIC, value },
    metrics,
    createdAt: view.createdAt,
    endedAt,
    usage: usageOf(view.createdAt, endedAt),
    raw: item,
  };
}

/** From creation to end: the only times PAI keeps, so the span includes any wait before the trial ran. */
function usageOf(createdAt: Date | undefined, endedAt: Date | undefined): TrialUsage | undefined {
  if (!createdAt || !endedAt) return undefined;
  return {
    durationSeconds: Math.max(0, (endedAt.getTime() - createdAt.getTime()) / 1000),
    derived: ['durationSeconds'],
  };
}

/** The untouched answers a derived training job is built from. */
export interface PaiTrainingJobRaw {
  trial: PaiTrialWire;
  commands: CommandsResult | undefined;
}

/**
 * PAI has no training-job listing of its own: each trial runs one backend job (a DLC job, a
 * MaxCompute task…) that `JobMeta` and the trial's commands describe. The job is named by NNI's
 * trial id when `JobMeta` has one, else by the trial id.
 */
export function trainingJobFromTrial(
  trial: Trial<PaiTrialWire>,
  commands: CommandsResult | undefined,
): TrainingJob<PaiTrainingJobRaw> {
  const nniId = jsonObject(trial.raw.JobMeta, 'JobMeta')?.nni_trial_id;
  const id = typeof nniId === 'string' || typeof nniId === 'number' ? String(nniId) : trial.id;
  return trialAsTrainingJob(trial, { id, name: id, raw: { trial: trial.raw, commands } });
}

/** StopHpoTrials' `Results` (trial id → message) read per trial: stopped unless the message says it failed. */
export interface TrialStopResult {
  trialId: string;
  stopped: boolean;
  message: string | undefined;
}

export function stopResults(
  results: Record<string, unknown> | null | undefined,
  trialIds: readonly string[],
) {
  return trialIds.map((trialId): TrialStopResult => {
    const message = results?.[trialId];
    const said =
      // Stryker disable next-line ConditionalExpression: JSON.stringify(undefined) is undefined as well; the test keeps the type honest.
      typeof message === 'string' ? message : message === undefined ? undefined : JSON.stringify(message);
    return { trialId, stopped: said !== undefined && !/fail|error|unable|cannot/i.test(said), message: said };
  });
}
