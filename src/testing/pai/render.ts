// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI placeholders are literally written ${name}.
/**
 * Store records → PAI response shapes. Text fields go out as text, the way PAI sends them
 * (reference §3): SearchSpace, Hyperparam, Metric and JobMeta as JSON text, ConfigYml as YAML,
 * ConfigIni as INI; times as `YYYY-MM-DD HH:mm:ss` UTC; HpoExperimentConfiguration as an object.
 */
import { configIni, configYml } from './config-files.js';
import type { SimulationOptions } from './simulate.js';
import { trialStatusAt } from './simulate.js';
import { formatPaiTime, pythonJson } from './text.js';
import type { ExperimentRecord, JsonObject, MetricEntry, TrialRecord } from './types.js';

/** ListHpoExperiments' item: no HpoExperimentConfiguration, and the files only when asked for. */
export function experimentSummary(
  experiment: ExperimentRecord,
  trials: readonly TrialRecord[],
  now: number,
  includeConfigData: boolean,
): JsonObject {
  const files = includeConfigData
    ? {
        SearchSpace: JSON.stringify(experiment.configuration.search_space),
        ConfigYml: configYml(experiment),
        ConfigIni: configIni(experiment.configuration),
      }
    : {};
  return {
    ExperimentId: experiment.id,
    Name: experiment.name,
    Description: experiment.description,
    Creator: experiment.creator,
    WorkspaceId: experiment.workspaceId,
    Accessibility: experiment.accessibility,
    Status: experiment.status,
    // "1" for HPO, always (reference §2.2).
    JobType: '1',
    ...files,
    TrialCount: trials.length,
    TrialStatus: trialStatusCounts(trials, now),
    Deleted: false,
    GmtCreateTime: formatPaiTime(experiment.createdAt),
    GmtModifiedTime: formatPaiTime(experiment.modifiedAt),
  };
}

/** GetHpoExperiment: the summary with its files, the configuration object and the tags. */
export function experimentDetail(
  experiment: ExperimentRecord,
  trials: readonly TrialRecord[],
  now: number,
): JsonObject {
  return {
    ...experimentSummary(experiment, trials, now, true),
    HpoExperimentConfiguration: experiment.configuration,
    Tags: experiment.tags,
  };
}

/** Status → number of trials in it; statuses no trial has are left out. */
export function trialStatusCounts(trials: readonly TrialRecord[], now: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const trial of trials) {
    const status = trialStatusAt(trial, now);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

export function trialShape(
  trial: TrialRecord,
  experiment: ExperimentRecord,
  now: number,
  options: SimulationOptions,
): JsonObject {
  const reports = visibleReports(trial, now);
  const final = trial.endStatus === 'SUCCEEDED' ? trial.final : undefined;
  const entries = final ? [...reports, final] : reports;
  return {
    TrialId: trial.id,
    ExperimentId: trial.experimentId,
    ParameterId: trial.sequence,
    Hyperparam: pythonJson(trial.hyperparams),
    Status: trialStatusAt(trial, now),
    Model: substitute(experiment.spec.modelPath ?? '', experiment.id, trial.id),
    MetricName: '',
    // Nothing reported yet is an empty text, not "[]" (unverified which PAI sends).
    Metric: entries.length === 0 ? '' : `[${entries.map(metricJson).join(', ')}]`,
    FinalMetric: final === undefined ? '' : finalMetricText(final, options.finalMetricForm),
    JobMeta: pythonJson(jobMeta(trial, experiment)),
    UserScore: 0,
    UserComment: '',
    GmtCreateTime: formatPaiTime(trial.createdAt),
    GmtModifiedTime: formatPaiTime(trialModifiedAt(trial, now)),
  };
}

/** PERIODICAL reports made by `now`, and only those before the trial ended. */
export function visibleReports(trial: TrialRecord, now: number): MetricEntry[] {
  const until = Math.min(now, trial.endedAt ?? Number.POSITIVE_INFINITY);
  return trial.reports.filter((report) => report.at <= until);
}

/** `{"default":…,"type":"PERIODICAL","<metric>":…}`: compact JSON, as in PAI's Metric examples. */
export function metricJson(entry: MetricEntry): string {
  return JSON.stringify({ default: entry.default, type: entry.type, ...entry.values });
}

function finalMetricText(final: MetricEntry, form: SimulationOptions['finalMetricForm']): string {
  return form === 'object' ? metricJson(final) : String(final.default);
}

/** NNI's ids for the trial, plus the platform job it ran as. */
export function jobMeta(trial: TrialRecord, experiment: ExperimentRecord): JsonObject {
  return {
    nni_trial_id: trial.nniTrialId,
    nni_exp_id: experiment.nniExpId,
    nni_trial_sequence_id: trial.sequence,
    platform: experiment.spec.platform,
  };
}

/** `${exp_id}`, `${trial_id}` and the trial's own `${param}` placeholders, as PAI fills them into commands. */
export function substitute(
  text: string,
  experimentId: string,
  trialId: string,
  hyperparams?: JsonObject,
): string {
  let out = text.replaceAll('${exp_id}', experimentId).replaceAll('${trial_id}', trialId);
  for (const [key, value] of Object.entries(hyperparams ?? {})) {
    if (key.startsWith('${'))
      out = out.replaceAll(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

function trialModifiedAt(trial: TrialRecord, now: number): number {
  const changes = [trial.createdAt, ...visibleReports(trial, now).map((r) => r.at)];
  if (trial.runStartAt <= now && (trial.endedAt === undefined || trial.runStartAt <= trial.endedAt)) {
    changes.push(trial.runStartAt);
  }
  if (trial.endedAt !== undefined) changes.push(trial.endedAt);
  return Math.max(...changes);
}
