/**
 * ModelArts wire → neutral objects. A hyperparameter search is one training job (JobResponse)
 * carrying `algorithm.policies.auto_search`: that job is the Experiment and its only
 * TrainingJob; each row of its trial table is a Trial (Ray Tune's). The untouched answer stays
 * in `raw`, ModelArts' (or Ray's) status word in `providerStatus`.
 */
import {
  decodeNumber,
  FieldFormatError,
  isObject,
  optionalInteger,
  optionalNumber,
  wordIn,
} from '../../core/fields.js';
import {
  ENDED_EXPERIMENT_STATUSES,
  ENDED_TRIAL_STATUSES,
  type Experiment,
  type ExperimentStatus,
  type HyperParameterValue,
  type MetricPoint,
  type Objective,
  type TrainingJob,
  type Trial,
  type TrialObjective,
  type TrialStatus,
  type TrialUsage,
} from '../../core/types.js';
import {
  cellAt,
  cellBoolean,
  cellNumber,
  cellPath,
  cellText,
  configObject,
  fieldPath,
  hyperParametersFromConfig,
  readTable,
  setOwn,
  type TableRowView,
  type TableView,
} from './decode.js';
import { readSearchSpace } from './search-space.js';
import type {
  AutoSearchWire,
  ModelArtsTrainingJobWire,
  ModelArtsTrialTableWire,
  TableCell,
  TableRow,
} from './wire.js';

/** Level-1 job phases (reference §3.4); the same words serve a job read as a TrainingJob. */
const PHASES = new Map<string, ExperimentStatus & TrialStatus>([
  ['creating', 'pending'],
  ['pending', 'pending'],
  ['running', 'running'],
  ['completed', 'completed'],
  ['failed', 'failed'],
  // Ended without completing (e.g. secondary phase CreateFailed): nothing more will run.
  ['abnormal', 'failed'],
  ['terminating', 'stopping'],
  ['terminated', 'stopped'],
]);

/** Ray Tune's trial states, spelt as Ray writes them (reference §4.3; ModelArts publishes no list). */
const TRIAL_WORDS = new Map<string, TrialStatus>([
  ['PENDING', 'pending'],
  ['RUNNING', 'running'],
  // Ray pauses a trial it will resume (schedulers such as PBT): not running, not done.
  ['PAUSED', 'pending'],
  // Ray's word for an ended trial, early-stopped ones included (ModelArts cannot tell them apart).
  ['TERMINATED', 'completed'],
  ['ERROR', 'failed'],
]);

// Stryker disable next-line StringLiteral: any text that is no status word or mode reads as none, as '' does.
const word = (text: string | null | undefined) => (text ?? '').trim().toLowerCase();

export function experimentStatus(phase: string | null | undefined): ExperimentStatus {
  return wordIn(PHASES, phase, 'lower') ?? 'unknown';
}

/** The status of the job itself, read as a TrainingJob. */
export function jobStatus(phase: string | null | undefined): TrialStatus {
  return wordIn(PHASES, phase, 'lower') ?? 'unknown';
}

export function trialStatus(status: string | null | undefined): TrialStatus {
  return wordIn(TRIAL_WORDS, status, 'upper') ?? 'unknown';
}

const AUTO_SEARCH = 'algorithm.policies.auto_search';

function autoSearchOf(job: ModelArtsTrainingJobWire): AutoSearchWire | undefined {
  return job.algorithm?.policies?.auto_search ?? undefined;
}

/** A finite number (not undefined, NaN nor ±Infinity). */
const isFiniteNumber = (n: unknown): n is number => Number.isFinite(n);

/** A finite number of seconds or milliseconds, 0 included. */
const known = (n: number | undefined): n is number => isFiniteNumber(n) && n >= 0;

/** Milliseconds since the epoch; 0 (the examples' "not started yet") and empty read as absent. */
function epochMillis(value: string | number | null | undefined, path: string): Date | undefined {
  const ms = optionalNumber(value, path);
  return isFiniteNumber(ms) && ms > 0 ? new Date(ms) : undefined;
}

function direction(mode: string | null | undefined): Objective['direction'] | undefined {
  const m = word(mode);
  if (m === 'max' || m === 'maximize') return 'maximize';
  if (m === 'min' || m === 'minimize') return 'minimize';
  return undefined;
}

/** The first reward attribute: ModelArts judges trials by it. */
function objectiveOf(autoSearch: AutoSearchWire | undefined): Objective | undefined {
  const reward = autoSearch?.reward_attrs?.[0];
  const mode = direction(reward?.mode);
  if (!reward?.name || mode === undefined) return undefined;
  return { metric: reward.name, direction: mode };
}

/** An integer setting of the first search algorithm (`num_samples`, `max_concurrent`). */
function algoSetting(autoSearch: AutoSearchWire | undefined, key: string): number | undefined {
  // Stryker disable next-line ArrayDeclaration: no member of a list of text has the key asked for.
  const params = autoSearch?.algo_configs?.[0]?.params ?? [];
  const i = params.findIndex((p) => p.key === key);
  return optionalInteger(params[i]?.value, `${AUTO_SEARCH}.algo_configs.0.params.${i}.value`);
}

/** `spec.auto_stop` `{time_unit: 'HOURS', duration}` as seconds; other units are not documented. */
function maxRuntimeSeconds(job: ModelArtsTrainingJobWire): number | undefined {
  const stop = job.spec?.auto_stop;
  if (!stop || word(stop.time_unit) !== 'hours' || stop.duration === undefined || stop.duration === null) {
    return undefined;
  }
  return decodeNumber(stop.duration, 'spec.auto_stop.duration') * 3600;
}

interface JobTimes {
  createdAt: Date | undefined;
  startedAt: Date | undefined;
  endedAt: Date | undefined;
}

/** `start_time` + `duration` is when a job that has ended ended; ModelArts keeps no end time. */
function timesOf(job: ModelArtsTrainingJobWire, ended: boolean): JobTimes {
  const createdAt = epochMillis(job.metadata.create_time, 'metadata.create_time');
  const startedAt = epochMillis(job.status?.start_time, 'status.start_time');
  const ran = runMillis(job);
  const endedAt = ended && startedAt && isFiniteNumber(ran) ? new Date(startedAt.getTime() + ran) : undefined;
  return { createdAt, startedAt, endedAt };
}

/** How long the job has run (`status.duration`, ms), as ModelArts says it; refused when malformed. */
export function runMillis(job: ModelArtsTrainingJobWire): number | undefined {
  return optionalNumber(job.status?.duration, 'status.duration');
}

/** The run time in seconds where it is a time (finite, not negative); the summary reads it too. */
export function runSeconds(job: ModelArtsTrainingJobWire): number | undefined {
  const ran = runMillis(job);
  return known(ran) ? ran / 1000 : undefined;
}

/** The tasks' own messages (`worker-0: …`) when the job failed. */
function failureOf(job: ModelArtsTrainingJobWire, failed: boolean): string | undefined {
  if (!failed) return undefined;
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: a failed job has a status (its phase says so); text has no message.
  const messages = (job.status?.task_statuses ?? []).flatMap((t) =>
    t.message ? [t.task ? `${t.task}: ${t.message}` : t.message] : [],
  );
  return messages.length > 0 ? messages.join('; ') : undefined;
}

export function experimentFromJob(
  job: ModelArtsTrainingJobWire,
): Experiment<ModelArtsTrainingJobWire, ModelArtsTrialRaw> {
  const id = job.metadata.id;
  const phase = job.status?.phase ?? '';
  const status = experimentStatus(phase);
  const autoSearch = autoSearchOf(job);
  return {
    provider: 'modelarts',
    id,
    name: job.metadata.name || id,
    status,
    providerStatus: phase,
    objective: objectiveOf(autoSearch),
    algorithm: autoSearch?.algo_configs?.[0]?.name ?? undefined,
    limits: {
      maxTrials: algoSetting(autoSearch, 'num_samples'),
      maxParallelTrials: algoSetting(autoSearch, 'max_concurrent'),
      maxRuntimeSeconds: maxRuntimeSeconds(job),
    },
    // A job answer carries no trial counts; they come from the trial table.
    trialCounts: {},
    searchSpace: readSearchSpace(autoSearch?.search_params, `${AUTO_SEARCH}.search_params`),
    ...timesOf(job, ENDED_EXPERIMENT_STATUSES.has(status)),
    failureReason: failureOf(job, status === 'failed'),
    raw: job,
  };
}

/** Fixed arguments of the training code, as sent. */
function fixedParameters(job: ModelArtsTrainingJobWire): Record<string, HyperParameterValue> {
  const out: Record<string, HyperParameterValue> = {};
  // Stryker disable next-line ArrayDeclaration: a member of a list of text has no name.
  for (const p of job.algorithm?.parameters ?? []) {
    if (p.name && p.value !== undefined && p.value !== null) setOwn(out, p.name, p.value);
  }
  return out;
}

/** The search job itself: ModelArts runs every trial inside this one training job. */
export function trainingJobFromJob(job: ModelArtsTrainingJobWire): TrainingJob<ModelArtsTrainingJobWire> {
  const id = job.metadata.id;
  const phase = job.status?.phase ?? '';
  const status = jobStatus(phase);
  return {
    provider: 'modelarts',
    id,
    name: job.metadata.name || id,
    experimentId: id,
    status,
    providerStatus: phase,
    hyperParameters: fixedParameters(job),
    metrics: [],
    ...timesOf(job, ENDED_TRIAL_STATUSES.has(status)),
    usage: jobUsage(job),
    failureReason: failureOf(job, status === 'failed'),
    raw: job,
  };
}

/** The job's run time so far (`status.duration`, ms) and its flavor and node count, as read. */
function jobUsage(job: ModelArtsTrainingJobWire): TrialUsage | undefined {
  const usage: TrialUsage = {
    durationSeconds: runSeconds(job),
    instanceType: job.spec?.resource?.flavor_id ?? undefined,
    instanceCount: optionalInteger(job.spec?.resource?.node_count, 'spec.resource.node_count'),
    derived: [],
  };
  return usage.durationSeconds === undefined && usage.instanceType === undefined ? undefined : usage;
}

/** What a trial needs from its experiment to be read. */
export interface TrialContext {
  experimentId: string;
  /** The experiment's objective (reward attribute and mode), e.g. for ordering trials. */
  objective?: Objective | undefined;
  /** The reward attribute's name (even without a readable mode); the objective is named `reward` without it. */
  objectiveMetric?: string | undefined;
  /** The trial asked for (single-trial answer): its id when the table has no `trial_id` column. */
  trialId?: string | undefined;
}

export function trialContext(job: ModelArtsTrainingJobWire): TrialContext {
  const autoSearch = autoSearchOf(job);
  const objective = objectiveOf(autoSearch);
  return {
    experimentId: job.metadata.id,
    objective,
    objectiveMetric: objective?.metric ?? (autoSearch?.reward_attrs?.[0]?.name || undefined),
  };
}

export const DEFAULT_OBJECTIVE_METRIC = 'reward';

/**
 * Columns Ray Tune (and pandas) write that are not metrics the training code reported. Also
 * not metrics: `config/<name>` and `param/<name>` columns (flattened hyperparameters).
 */
const BOOKKEEPING = new Set([
  '',
  'index',
  'Unnamed: 0',
  'done',
  'pid',
  'config',
  'trial_id',
  'trial_index',
  'training_iteration',
  'time_total_s',
  'worker_index',
  'reward_attr',
  'status',
  'best_reward',
  'timestamp',
  'date',
  'hostname',
  'node_ip',
  'time_this_iter_s',
  'timesteps_total',
  'episodes_total',
  'experiment_id',
  'iterations_since_restore',
  'time_since_restore',
  'timesteps_since_restore',
  'experiment_tag',
  'logdir',
]);

export function isMetricColumn(name: string): boolean {
  return !BOOKKEEPING.has(name) && !name.startsWith('config/') && !name.startsWith('param/');
}

/** The untouched cells a trial was read from: the header and the trial's row(s). */
export interface ModelArtsTrialRaw {
  header: readonly string[];
  rows: readonly TableRow[];
}

/**
 * Where a table keeps what a trial is read from, found once per table rather than once per cell
 * of every row. Metric columns come in a fixed order, so that the column order of the answer does
 * not matter.
 */
interface TrialColumns {
  trialId: number | undefined;
  status: number | undefined;
  done: number | undefined;
  config: number | undefined;
  bestReward: number | undefined;
  reward: number | undefined;
  step: number | undefined;
  ranFor: number | undefined;
  reportedAt: number | undefined;
  metrics: ReadonlyArray<readonly [name: string, column: number]>;
}

function columnsOf(view: TableView): TrialColumns {
  const metrics = view.header
    .filter(isMetricColumn)
    // By UTF-16 code units, as `<` compares text.
    .sort()
    .map((name) => [name, view.column(name) as number] as const);
  return {
    trialId: view.column('trial_id'),
    status: view.column('status'),
    done: view.column('done'),
    config: view.column('config'),
    bestReward: view.column('best_reward'),
    reward: view.column('reward_attr'),
    step: view.column('training_iteration'),
    ranFor: view.column('time_total_s'),
    reportedAt: view.column('timestamp'),
    metrics,
  };
}

const stepOf = (row: TableRowView, at: TrialColumns) => cellNumber(cellAt(row.raw, at.step));

/** The last report: highest `training_iteration`, ties (and rows without one) going to the later row. */
function latestOf(rows: readonly TableRowView[], at: TrialColumns): TableRowView | undefined {
  let latest: TableRowView | undefined;
  // NaN for no step: every comparison with it is false, so such a row, or one after it, is later.
  let latestStep = Number.NaN;
  for (const row of rows) {
    const s = stepOf(row, at) ?? Number.NaN;
    if (!(s < latestStep)) {
      latest = row;
      latestStep = s;
    }
  }
  return latest;
}

/** A status word when the row has one; else `done` says completed or still running. */
function statusOf(row: TableRowView, at: TrialColumns): { status: TrialStatus; providerStatus: string } {
  const providerStatus = cellText(cellAt(row.raw, at.status)) ?? '';
  if (providerStatus.trim() !== '') return { status: trialStatus(providerStatus), providerStatus };
  const done = cellBoolean(cellAt(row.raw, at.done));
  return { status: done === undefined ? 'unknown' : done ? 'completed' : 'running', providerStatus };
}

/** `best_reward` when it is a number, else `reward_attr`. */
function objectiveValue(
  row: TableRowView,
  at: TrialColumns,
  context: TrialContext,
): TrialObjective | undefined {
  // A `nan` or `-inf` best (no finite report yet) gives way to a finite current reward.
  const best = cellNumber(cellAt(row.raw, at.bestReward));
  const value = isFiniteNumber(best) ? best : (cellNumber(cellAt(row.raw, at.reward)) ?? best);
  if (value === undefined) return undefined;
  return { metric: context.objectiveMetric ?? context.objective?.metric ?? DEFAULT_OBJECTIVE_METRIC, value };
}

/** One point per numeric metric cell of every row, `step` being the row's `training_iteration`. */
function metricsOf(rows: readonly TableRowView[], at: TrialColumns): MetricPoint[] {
  const points: MetricPoint[] = [];
  for (const row of rows) {
    const step = stepOf(row, at);
    for (const [name, column] of at.metrics) {
      const value = cellNumber(row.raw[column] as TableCell);
      if (value !== undefined) points.push({ name, value, step });
    }
  }
  return points;
}

function trialIdOf(row: TableRowView, at: TrialColumns, fallback: string | undefined): string {
  const cell = cellAt(row.raw, at.trialId);
  const id = cellText(cell)?.trim() || fallback;
  if (id === undefined) throw new FieldFormatError(cellPath(row, 'trial_id'), 'a trial id', cell ?? null);
  return id;
}

/**
 * Ray's `time_total_s` is how long the trial has run. The table keeps no start or end time unless
 * it has Ray's `timestamp` column (epoch seconds of the report): then the latest report of an
 * ended trial dates its end, and its start is that time less `time_total_s`.
 */
function trialOf(
  view: TableView,
  at: TrialColumns,
  rows: readonly TableRowView[],
  latest: TableRowView,
  context: TrialContext,
  fallbackId: string | undefined,
): Trial<ModelArtsTrialRaw> {
  const configCell = cellAt(latest.raw, at.config);
  // The path is spelt out only for a cell that is not already an object: a listing reads thousands.
  const config = isObject(configCell) ? configCell : configObject(configCell, cellPath(latest, 'config'));
  const { status, providerStatus } = statusOf(latest, at);
  const ran = cellNumber(cellAt(latest.raw, at.ranFor));
  const reportedAt = cellNumber(cellAt(latest.raw, at.reportedAt));
  const trial = {
    provider: 'modelarts',
    id: trialIdOf(latest, at, fallbackId),
    experimentId: context.experimentId,
    status,
    providerStatus,
    hyperParameters: hyperParametersFromConfig(config),
    objective: objectiveValue(latest, at, context),
    metrics: metricsOf(rows, at),
  } as Trial<ModelArtsTrialRaw>;
  // Members of their own only when known: a trial without them has no such members.
  if (known(reportedAt) && known(ran)) trial.startedAt = new Date((reportedAt - ran) * 1000);
  if (known(reportedAt) && ENDED_TRIAL_STATUSES.has(status)) trial.endedAt = new Date(reportedAt * 1000);
  if (known(ran)) trial.usage = { durationSeconds: ran, derived: [] };
  trial.raw = { header: view.header, rows: rows.map((r) => r.raw) };
  return trial;
}

/** The trial ids of a list answer's rows, in order: a row without one is an error, as when it is read. */
export function listedTrialIds(table: ModelArtsTrialTableWire | null | undefined, path = 'items'): string[] {
  const view = readTable(table, path);
  const at = columnsOf(view);
  return view.rows.map((row) => trialIdOf(row, at, undefined));
}

/** The list answer (`items` of autosearch-trials): one trial per row. */
export function trialsFromTable(
  table: ModelArtsTrialTableWire | null | undefined,
  context: TrialContext,
  path = 'items',
): Trial<ModelArtsTrialRaw>[] {
  const view = readTable(table, path);
  const at = columnsOf(view);
  const trials: Trial<ModelArtsTrialRaw>[] = [];
  for (const row of view.rows) trials.push(trialOf(view, at, [row], row, context, undefined));
  return trials;
}

/**
 * The single-trial answer: every row is one report of the same trial. The latest report gives
 * status, hyperparameters and objective; every report gives metric points. The answer has no
 * `status` column, so the status comes from `done` and `providerStatus` is `''`. No rows at all
 * reads as a pending trial when the trial asked for is known.
 */
export function trialFromRows(
  table: ModelArtsTrialTableWire | null | undefined,
  context: TrialContext,
  path = '',
): Trial<ModelArtsTrialRaw> {
  const view = readTable(table, path);
  const at = columnsOf(view);
  const latest = latestOf(view.rows, at);
  if (latest === undefined) {
    if (context.trialId === undefined) {
      throw new FieldFormatError(fieldPath(path, 'data'), 'at least one row', []);
    }
    return {
      provider: 'modelarts',
      id: context.trialId,
      experimentId: context.experimentId,
      status: 'pending',
      providerStatus: '',
      hyperParameters: {},
      metrics: [],
      raw: { header: view.header, rows: [] },
    };
  }
  return trialOf(view, at, view.rows, latest, context, context.trialId);
}
