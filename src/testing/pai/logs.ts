/**
 * Log files, rendered from the records up to "now": the experiment's NNI logs (nnimanager.log,
 * dispatcher.log) and each trial's stdout, stderr and trial.log. Lines look like NNI's:
 * `[2026-01-01 00:01:00] INFO (NNIManager) …`.
 */
import { metricJson, substitute, visibleReports } from './render.js';
import { trialStatusAt } from './simulate.js';
import { formatPaiTime, pythonJson } from './text.js';
import type { ExperimentRecord, JsonObject, TrialRecord } from './types.js';

export const EXPERIMENT_LOG_NAMES = ['nnimanager.log', 'dispatcher.log'] as const;
export const TRIAL_LOG_NAMES = ['stdout', 'stderr', 'trial.log'] as const;
export type ExperimentLogName = (typeof EXPERIMENT_LOG_NAMES)[number];
export type TrialLogName = (typeof TRIAL_LOG_NAMES)[number];

interface Line {
  readonly at: number;
  readonly text: string;
  /** Among lines of the same time: lower first. An experiment ends after its last trial did. */
  readonly rank?: number;
}

export function experimentLog(
  name: ExperimentLogName,
  experiment: ExperimentRecord,
  trials: readonly TrialRecord[],
  now: number,
): string[] {
  const lines =
    name === 'nnimanager.log' ? managerLines(experiment, trials) : dispatcherLines(experiment, trials, now);
  return render(lines, now);
}

export function trialLog(
  name: TrialLogName,
  experiment: ExperimentRecord,
  trial: TrialRecord,
  now: number,
): string[] {
  if (name === 'stdout') return render(stdoutLines(experiment, trial, now), now);
  if (name === 'stderr') return render(stderrLines(trial), now);
  return render(trialLines(experiment, trial, now), now);
}

/** Full paths, as ListHpoTrialLogNames returns them (`oss://…/trial.log`). */
export function trialLogPaths(trial: TrialRecord): string[] {
  return TRIAL_LOG_NAMES.map(
    (name) => `oss://crosstune-fake/automl/hpo/${trial.experimentId}/${trial.id}/${name}`,
  );
}

/** A LogName as the API takes it: a short name, or one of the full paths. */
export function trialLogName(value: string): TrialLogName | undefined {
  const base = value.slice(value.lastIndexOf('/') + 1);
  return (TRIAL_LOG_NAMES as readonly string[]).includes(base) ? (base as TrialLogName) : undefined;
}

function managerLines(experiment: ExperimentRecord, trials: readonly TrialRecord[]): Line[] {
  const t0 = experiment.createdAt;
  const lines: Line[] = [
    { at: t0, text: 'INFO (main) Start NNI manager' },
    { at: t0, text: 'INFO (NNIDataStore) Datastore initialization done' },
    { at: t0, text: 'INFO (RestServer) Starting REST server at port 8080, URL prefix: "/"' },
  ];
  for (const change of experiment.history) {
    if (change.to === 'WAITING') {
      lines.push({ at: change.at, text: `INFO (NNIManager) Starting experiment: ${experiment.nniExpId}` });
      lines.push({ at: change.at, text: 'INFO (LocalTrainingService) Run local machine training service.' });
    }
    const ending = change.to !== 'WAITING' && change.to !== 'RUNNING';
    lines.push({
      at: change.at,
      text: `INFO (NNIManager) Change NNIManager status from: ${change.from} to: ${change.to}`,
      rank: ending ? 1 : 0,
    });
  }
  for (const trial of trials) {
    const form = { sequenceId: trial.sequence, hyperParameters: { value: parameterRecord(trial), index: 0 } };
    lines.push({
      at: trial.createdAt,
      text: `INFO (NNIManager) submitTrialJob: form: ${JSON.stringify(form)}`,
    });
    const ran = trial.endedAt === undefined || trial.runStartAt < trial.endedAt;
    if (ran) lines.push({ at: trial.runStartAt, text: statusChange(trial, 'WAITING', 'RUNNING') });
    if (trial.endedAt !== undefined && trial.endStatus !== undefined) {
      lines.push({
        at: trial.endedAt,
        text: statusChange(trial, ran ? 'RUNNING' : 'WAITING', trial.endStatus),
      });
    }
  }
  return lines;
}

function dispatcherLines(experiment: ExperimentRecord, trials: readonly TrialRecord[], now: number): Line[] {
  const started = experiment.history.find((change) => change.to === 'WAITING');
  if (started === undefined) return [];
  const tuner = experiment.spec.tuner;
  const lines: Line[] = [
    { at: started.at, text: 'INFO (nni.runtime.msg_dispatcher_base/MainThread) Dispatcher started' },
    {
      at: started.at,
      text: `INFO (nni.tuner/MainThread) ${tuner} tuner initialized, optimize_mode: ${experiment.spec.optimizeMode}`,
    },
  ];
  const thread = 'INFO (nni.runtime.msg_dispatcher/Thread-1)';
  for (const trial of trials) {
    const verb = trial.restartOf === undefined ? 'Generated' : 'Resumed';
    lines.push({ at: trial.createdAt, text: `${thread} ${verb} parameters: ${parameterRecord(trial)}` });
    for (const report of visibleReports(trial, now)) {
      lines.push({
        at: report.at,
        text: `${thread} Received intermediate result of trial ${trial.nniTrialId}: ${report.default}`,
      });
    }
    if (trial.endStatus === 'SUCCEEDED' && trial.final) {
      lines.push({
        at: trial.final.at,
        text: `${thread} Received final result of trial ${trial.nniTrialId}: ${trial.final.default}`,
      });
    }
    if (trial.endStatus === 'EARLY_STOPPED' && trial.endedAt !== undefined) {
      lines.push({
        at: trial.endedAt,
        text: `INFO (nni.assessor/Thread-2) Early stopping trial ${trial.nniTrialId}`,
      });
    }
  }
  return lines;
}

function trialLines(experiment: ExperimentRecord, trial: TrialRecord, now: number): Line[] {
  const tag = 'INFO (hpo_tools)';
  const lines: Line[] = [
    {
      at: trial.createdAt,
      text: `${tag} trial ${trial.id} submitted with parameters ${pythonJson(trial.hyperparams)}`,
    },
  ];
  commandsRun(experiment, trial, now).forEach((command, i) => {
    lines.push({ at: trial.runStartAt, text: `${tag} running cmd${i + 1}: ${command.split('\n')[0]}` });
  });
  for (const report of visibleReports(trial, now))
    lines.push({ at: report.at, text: `${tag} reported metric ${metricJson(report)}` });
  if (trial.endStatus === 'SUCCEEDED' && trial.final) {
    lines.push({ at: trial.final.at, text: `${tag} reported metric ${metricJson(trial.final)}` });
  }
  if (trial.endedAt !== undefined) {
    lines.push({
      at: trial.endedAt,
      text: `${tag} trial ${trial.id} ended with status ${trialStatusAt(trial, now)}`,
    });
  }
  return lines;
}

/** What the training script printed: one line per report, in a form each metric's regex matches. */
function stdoutLines(experiment: ExperimentRecord, trial: TrialRecord, now: number): Line[] {
  if (commandsRun(experiment, trial, now).length === 0) return [];
  const lines: Line[] = [
    { at: trial.runStartAt, text: `Running ${experiment.spec.platform} job for trial ${trial.id}` },
  ];
  visibleReports(trial, now).forEach((report, i) => {
    const parts = Object.entries(report.values).map(([key, value]) => printed(key, value));
    lines.push({ at: report.at, text: `step ${i + 1}: ${parts.join(' ')}` });
  });
  return lines;
}

function stderrLines(trial: TrialRecord): Line[] {
  if (trial.endStatus !== 'FAILED' || trial.endedAt === undefined) return [];
  return [
    'Traceback (most recent call last):',
    '  File "train.py", line 42, in <module>',
    '    main()',
    'RuntimeError: simulated trial failure (crosstune PAI fake)',
  ].map((text) => ({ at: trial.endedAt as number, text }));
}

/** The platform commands with every placeholder filled in, once the trial has started running. */
export function commandsRun(experiment: ExperimentRecord, trial: TrialRecord, now: number): string[] {
  const started =
    trial.runStartAt <= now && (trial.endedAt === undefined || trial.runStartAt <= trial.endedAt);
  if (!started) return [];
  return experiment.spec.commands.map((cmd) =>
    substitute(cmd, experiment.id, trial.id, trial.hyperparams as JsonObject),
  );
}

/** `val_loss=([0-9\.]+)` is printed as `val_loss=0.0877`; a plain name as `name=value`. */
function printed(key: string, value: number): string {
  const paren = key.indexOf('(');
  if (paren === -1) return `${key}=${value}`;
  return `${key.slice(0, paren)}${value}`;
}

/** NNI's parameter record: what the tuner handed the trial. */
function parameterRecord(trial: TrialRecord): string {
  return pythonJson({
    parameter_id: trial.sequence,
    parameter_source: trial.restartOf === undefined ? 'algorithm' : 'resumed',
    parameters: trial.hyperparams,
    parameter_index: 0,
  });
}

function statusChange(trial: TrialRecord, from: string, to: string): string {
  return `INFO (NNIManager) Trial job ${trial.nniTrialId} status changed from ${from} to ${to}`;
}

/** Lines due by `now`, in time order (stable, so same-time lines keep their logical order). */
function render(lines: readonly Line[], now: number): string[] {
  return lines
    .filter((line) => line.at <= now)
    .map((line, i) => ({ ...line, i }))
    .sort((a, b) => a.at - b.at || (a.rank ?? 0) - (b.rank ?? 0) || a.i - b.i)
    .map((line) => `[${formatPaiTime(line.at)}] ${line.text}`);
}
