/** The response shapes tests read (wire names); the fake sends more. */
import { callPai, EXPERIMENTS, experimentPath, trialPath } from './pai-call.js';
import { type ExperimentRequestOptions, experimentRequest } from './pai-fixtures.js';

export interface ExperimentWire {
  RequestId: string;
  ExperimentId: string;
  Name: string;
  Creator: string;
  Status: string;
  JobType: string;
  SearchSpace?: string;
  ConfigYml?: string;
  ConfigIni?: string;
  HpoExperimentConfiguration?: Record<string, unknown>;
  TrialCount: number;
  TrialStatus: Record<string, number>;
  Deleted: boolean;
  GmtCreateTime: string;
  GmtModifiedTime: string;
}

export interface TrialWire {
  RequestId?: string;
  TrialId: string;
  ExperimentId: string;
  ParameterId: number;
  Hyperparam: string;
  Status: string;
  Model: string;
  Metric: string;
  FinalMetric: string;
  JobMeta: string;
  GmtCreateTime: string;
  GmtModifiedTime: string;
}

export interface ExperimentListWire {
  RequestId: string;
  TotalCount: number;
  Experiments: ExperimentWire[];
}

export interface TrialListWire {
  RequestId: string;
  TotalCount: number;
  Trials: TrialWire[];
}

export interface LogsWire {
  RequestId: string;
  TotalCount: number;
  Logs: string[];
}

export async function createExperiment(options: ExperimentRequestOptions = {}): Promise<string> {
  const created = await callPai<{ ExperimentId: string }>('POST', '/api/automl/v1/hpo/experiment', {
    body: experimentRequest(options),
  });
  if (created.status !== 200) throw new Error(`create failed: ${created.text}`);
  return created.json.ExperimentId;
}

export const getExperiment = async (id: string) =>
  (await callPai<ExperimentWire>('GET', experimentPath(id))).json;

export const listExperiments = async (query: Record<string, string | number> = {}) =>
  (await callPai<ExperimentListWire>('GET', EXPERIMENTS, { query })).json;

export const listTrials = async (id: string, query: Record<string, string | number> = {}) =>
  (await callPai<TrialListWire>('GET', experimentPath(id, '/trials'), { query })).json;

export const getTrial = async (id: string, trialId: string) =>
  (await callPai<TrialWire>('GET', trialPath(id, trialId))).json;
