import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(
  new URL('../../fixtures/testing/sagemaker-create-tuning-job.json', import.meta.url),
);

type Json = Record<string, unknown>;

export interface TuningRequestOptions {
  strategy?: 'Bayesian' | 'Random' | 'Hyperband' | 'Grid';
  maxJobs?: number;
  maxParallel?: number;
  objectiveType?: 'Maximize' | 'Minimize';
  earlyStopping?: 'Off' | 'Auto';
}

/**
 * The reference CreateHyperParameterTuningJob body (without its target-metric early exit, so runs
 * use their whole budget unless a test asks otherwise).
 */
export function tuningJobRequest(name: string, options: TuningRequestOptions = {}): Json {
  const request = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Json;
  const config = request.HyperParameterTuningJobConfig as Json;
  const limits = config.ResourceLimits as Json;
  request.HyperParameterTuningJobName = name;
  delete config.TuningJobCompletionCriteria;
  if (options.strategy) config.Strategy = options.strategy;
  if (options.maxJobs !== undefined) limits.MaxNumberOfTrainingJobs = options.maxJobs;
  if (options.maxParallel !== undefined) limits.MaxParallelTrainingJobs = options.maxParallel;
  if (options.objectiveType) (config.HyperParameterTuningJobObjective as Json).Type = options.objectiveType;
  if (options.earlyStopping) config.TrainingJobEarlyStoppingType = options.earlyStopping;
  return request;
}

/** Deep access for editing a request in a test without a cast at every level. */
export function at(value: Json, ...path: string[]): Json {
  let node: unknown = value;
  for (const key of path) node = (node as Json)[key];
  return node as Json;
}
