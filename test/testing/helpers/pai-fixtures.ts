import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(
  new URL('../../fixtures/testing/pai-create-hpo-experiment.json', import.meta.url),
);

type Json = Record<string, unknown>;

export interface ExperimentRequestOptions {
  name?: string;
  maxTrials?: number;
  concurrency?: number;
  tuner?: string;
  optimizeMode?: 'maximize' | 'minimize';
  /** Adds a PAIAssessor with early stopping from this report on. */
  earlyStopStartStep?: number;
  finalMode?: 'final' | 'best' | 'avg';
  searchSpace?: Json;
  accessibility?: 'PUBLIC' | 'PRIVATE';
}

/** The reference CreateHpoExperiment body: a DLC job tuning three parameters on two stdout metrics. */
export function experimentRequest(options: ExperimentRequestOptions = {}): Json {
  const request = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Json;
  const config = request.HpoExperimentConfiguration as Json;
  const yml = config.yml_config as Json;
  if (options.name !== undefined) request.Name = options.name;
  if (options.accessibility !== undefined) request.Accessibility = options.accessibility;
  if (options.maxTrials !== undefined) yml.max_trial_number = options.maxTrials;
  if (options.concurrency !== undefined) yml.trial_concurrency = options.concurrency;
  if (options.tuner !== undefined) (yml.tuner as Json).name = options.tuner;
  if (options.optimizeMode !== undefined)
    yml.tuner = { name: (yml.tuner as Json).name, class_args: { optimize_mode: options.optimizeMode } };
  if (options.earlyStopStartStep !== undefined) {
    yml.assessor = {
      name: 'PAIAssessor',
      class_args: { earlystop: true, start_step: options.earlyStopStartStep, optimize_mode: 'maximize' },
    };
  }
  if (options.finalMode !== undefined) (config.metric_config as Json).final_mode = options.finalMode;
  if (options.searchSpace !== undefined) config.search_space = options.searchSpace;
  return request;
}

/** Deep access for editing a request in a test without a cast at every level. */
export function at(value: Json, ...path: string[]): Json {
  let node: unknown = value;
  for (const key of path) node = (node as Json)[key];
  return node as Json;
}
