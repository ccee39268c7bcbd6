/**
 * A trial seen as the training job that ran it, for the clouds where the two are one run
 * (SageMaker: the same job; PAI: the trial's backend job): the trial's fields under the job's
 * id and name, with the job's own raw answer.
 */
import type { TrainingJob, Trial } from './types.js';

export function trialAsTrainingJob<Raw>(
  trial: Trial<unknown>,
  job: { id: string; name: string; raw: Raw },
): TrainingJob<Raw> {
  return {
    provider: trial.provider,
    id: job.id,
    name: job.name,
    experimentId: trial.experimentId,
    trialId: trial.id,
    status: trial.status,
    providerStatus: trial.providerStatus,
    hyperParameters: trial.hyperParameters,
    metrics: trial.metrics,
    createdAt: trial.createdAt,
    startedAt: trial.startedAt,
    endedAt: trial.endedAt,
    usage: trial.usage,
    failureReason: trial.failureReason,
    raw: job.raw,
  };
}
