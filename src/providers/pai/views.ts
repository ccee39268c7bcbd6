/**
 * PAI's answers with every packed field unpacked, in PAI's own terms: what the neutral objects
 * are built from, and what a user who needs PAI specifics (the YAML and INI configuration, the
 * raw metric entries, `JobMeta`) reads instead of parsing text themselves.
 */

import {
  finalMetric,
  iniObject,
  type JsonObject,
  jsonObject,
  metricEntries,
  optionalBoolean,
  optionalInteger,
  optionalText,
  optionalTime,
  searchSpaceObject,
  trialStatusCounts,
  yamlObject,
} from './decode.js';
import type { AutofeExperimentResult, PaiExperimentWire, PaiTrialWire } from './wire.js';

export interface PaiHpoExperimentView {
  experimentId: string;
  name: string | undefined;
  description: string | undefined;
  creator: string | undefined;
  workspaceId: string | undefined;
  accessibility: string | undefined;
  /** PAI's status word, `''` when absent. */
  status: string;
  jobType: string | undefined;
  /** NNI search space, `${name}` keys as PAI keeps them. */
  searchSpace: JsonObject | undefined;
  /** `ConfigYml` parsed: NNI's experiment file (camelCase keys). */
  configYml: JsonObject | undefined;
  /** `ConfigIni` parsed: section → key → value; masked secrets stay masked. */
  configIni: JsonObject | undefined;
  /** `HpoExperimentConfiguration` (GetHpoExperiment only), snake_case keys. */
  configuration: JsonObject | undefined;
  trialCount: number | undefined;
  /** Trial status word → count. */
  trialStatus: Record<string, number> | undefined;
  deleted: boolean | undefined;
  createdAt: Date | undefined;
  modifiedAt: Date | undefined;
}

export function readHpoExperiment(
  item: PaiExperimentWire & { HpoExperimentConfiguration?: unknown },
  path = '',
): PaiHpoExperimentView {
  return {
    experimentId: String(item.ExperimentId),
    name: optionalText(item.Name),
    description: optionalText(item.Description),
    creator: optionalText(item.Creator),
    workspaceId: optionalText(item.WorkspaceId),
    accessibility: optionalText(item.Accessibility),
    status: item.Status ?? '',
    jobType: optionalText(item.JobType),
    searchSpace: searchSpaceObject(item.SearchSpace, `${path}SearchSpace`),
    configYml: yamlObject(item.ConfigYml, `${path}ConfigYml`),
    configIni: iniObject(item.ConfigIni, `${path}ConfigIni`),
    configuration: jsonObject(item.HpoExperimentConfiguration, `${path}HpoExperimentConfiguration`),
    trialCount: optionalInteger(item.TrialCount, `${path}TrialCount`),
    trialStatus: trialStatusCounts(item.TrialStatus, `${path}TrialStatus`),
    deleted: optionalBoolean(item.Deleted, `${path}Deleted`),
    createdAt: optionalTime(item.GmtCreateTime, `${path}GmtCreateTime`),
    modifiedAt: optionalTime(item.GmtModifiedTime, `${path}GmtModifiedTime`),
  };
}

export interface PaiHpoTrialView {
  trialId: string;
  experimentId: string | undefined;
  parameterId: number | undefined;
  /** `Hyperparam` parsed, `${name}` keys as PAI keeps them. */
  hyperparameters: JsonObject | undefined;
  status: string;
  model: string | undefined;
  /** `Metric` parsed: one entry per report, the last one usually `type: FINAL`. */
  metricEntries: JsonObject[];
  finalMetric: number | undefined;
  /** `JobMeta` parsed, e.g. `{ nni_trial_id, nni_exp_id, nni_trial_sequence_id }`. */
  jobMeta: JsonObject | undefined;
  createdAt: Date | undefined;
  modifiedAt: Date | undefined;
}

/** `jobMeta: false` leaves `JobMeta` unread (undefined), for readers that do not use it. */
export function readHpoTrial(
  item: PaiTrialWire,
  path = '',
  parts: { jobMeta?: boolean } = {},
): PaiHpoTrialView {
  return {
    trialId: String(item.TrialId),
    experimentId: optionalText(item.ExperimentId),
    parameterId: optionalInteger(item.ParameterId, `${path}ParameterId`),
    hyperparameters: jsonObject(item.Hyperparam, `${path}Hyperparam`),
    status: item.Status ?? '',
    model: optionalText(item.Model),
    metricEntries: metricEntries(item.Metric, `${path}Metric`),
    finalMetric: finalMetric(item.FinalMetric, `${path}FinalMetric`),
    jobMeta: parts.jobMeta === false ? undefined : jsonObject(item.JobMeta, `${path}JobMeta`),
    createdAt: optionalTime(item.GmtCreateTime, `${path}GmtCreateTime`),
    modifiedAt: optionalTime(item.GmtModifiedTime, `${path}GmtModifiedTime`),
  };
}

export interface PaiAutofeExperimentView {
  experimentId: string;
  name: string | undefined;
  creator: string | undefined;
  status: string;
  jobMeta: JsonObject | undefined;
  /** `SelectedFeatures` split at commas. */
  selectedFeatures: string[];
  createdAt: Date | undefined;
  modifiedAt: Date | undefined;
}

export function readAutofeExperiment(body: AutofeExperimentResult): PaiAutofeExperimentView {
  return {
    experimentId: String(body.ExperimentId),
    name: optionalText(body.Name),
    creator: optionalText(body.Creator),
    status: body.Status ?? '',
    jobMeta: jsonObject(body.JobMeta, 'JobMeta'),
    selectedFeatures: (body.SelectedFeatures ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== ''),
    createdAt: optionalTime(body.GmtCreateTime, 'GmtCreateTime'),
    modifiedAt: optionalTime(body.GmtModifiedTime, 'GmtModifiedTime'),
  };
}
