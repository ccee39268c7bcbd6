/**
 * Trials → the autosearch tables (reference §4.1). The list and the single-trial endpoints have
 * different columns in a different order; every cell is text except `config`, a JSON object with
 * the hyperparameters, `trial_index` and `param/<name>` duplicates, as in the example.
 */
import { BEST_REWARD_COLUMN, TRIAL_TABLE_COLUMNS } from './constants.js';
import { trialStatusAt, visibleReports } from './simulate.js';
import { pythonBool, pythonFloat, tensorText } from './text.js';
import type { AutoSearchSpec, JsonObject, TrialRecord, TrialReport } from './types.js';

export type Cell = string | JsonObject;
export interface Table {
  header: string[];
  data: Cell[][];
}

/** The columns a job's tables have; a job without auto search has no metrics. */
export function listHeader(spec: AutoSearchSpec | undefined): string[] {
  return [...TRIAL_TABLE_COLUMNS, ...(spec?.metrics ?? []), BEST_REWARD_COLUMN];
}

export function trialHeader(spec: AutoSearchSpec | undefined): string[] {
  return [
    'done',
    'pid',
    'best_reward',
    'time_total_s',
    'config',
    ...(spec?.metrics ?? []),
    'trial_id',
    'training_iteration',
    'reward_attr',
  ];
}

/** One row per trial with its latest result; the first cell is the trial's row index in the whole table. */
export function listRow(trial: TrialRecord, spec: AutoSearchSpec, now: number): Cell[] {
  const status = trialStatusAt(trial, now);
  const reports = visibleReports(trial, now);
  const last = reports.at(-1);
  const reward = spec.rewardAttrs[0]?.name ?? '';
  return [
    String(trial.index),
    pythonBool(status === 'TERMINATED'),
    last ? String(trial.pid) : '',
    configCell(trial, spec),
    trial.id,
    last ? String(last.iteration) : '',
    last ? pythonFloat(last.timeTotalS) : '',
    '',
    last ? numberCell(last.values[reward]) : '',
    status,
    ...spec.metrics.map((name) => (last ? metricCell(name, last.values[name]) : '')),
    bestReward(reports, spec),
  ];
}

/** One row per result the trial reported, oldest first; `done` is True on the last row of a finished trial. */
export function trialRows(trial: TrialRecord, spec: AutoSearchSpec, now: number): Cell[][] {
  const finished = trialStatusAt(trial, now) === 'TERMINATED';
  const reports = visibleReports(trial, now);
  const reward = spec.rewardAttrs[0]?.name ?? '';
  return reports.map((report, i) => [
    pythonBool(finished && i === reports.length - 1),
    String(trial.pid),
    bestReward(reports.slice(0, i + 1), spec),
    pythonFloat(report.timeTotalS),
    configCell(trial, spec),
    ...spec.metrics.map((name) => metricCell(name, report.values[name])),
    trial.id,
    String(report.iteration),
    numberCell(report.values[reward]),
  ]);
}

/** `{batch_size: 32, learning_rate: 0.055, trial_index: 0, "param/batch_size": 32, …}`. */
function configCell(trial: TrialRecord, spec: AutoSearchSpec): JsonObject {
  const config: JsonObject = {};
  for (const name of spec.paramNames) config[name] = trial.config[name];
  config.trial_index = trial.index;
  for (const name of spec.paramNames) config[`param/${name}`] = trial.config[name];
  return config;
}

/** The best reward so far, by the first reward attribute's mode. */
function bestReward(reports: readonly TrialReport[], spec: AutoSearchSpec): string {
  const reward = spec.rewardAttrs[0];
  const values = reports.map((r) => r.values[reward?.name ?? '']).filter((v) => v !== undefined);
  if (reward === undefined || values.length === 0) return '';
  return pythonFloat(reward.mode === 'max' ? Math.max(...values) : Math.min(...values));
}

/** A `loss` is a GPU tensor the training script reported as is; other metrics plain numbers. */
function metricCell(name: string, value: number | undefined): string {
  if (value === undefined) return '';
  return name === 'loss' ? tensorText(value) : pythonFloat(value);
}

function numberCell(value: number | undefined): string {
  return value === undefined ? '' : pythonFloat(value);
}
