/**
 * RestartHpoTrials' rules (reference §4): a failed trial runs again with its hyperparameters unless
 * some trial already succeeded with them; without TrialIds, TrialHyperParameters asks for one new
 * trial; with neither, nothing happens. If both are given, only TrialIds count.
 */
import type { Point } from '../../search-space/index.js';
import { type RestartRequest, trialStatusAt } from './simulate.js';
import { pythonJson } from './text.js';
import type { TrialRecord } from './types.js';

export interface RestartPlan {
  readonly restarts: RestartRequest[];
  /** `failed to restart trial, <why>` per refused trial id. */
  readonly refused: Record<string, string>;
}

export function planRestarts(
  trials: readonly TrialRecord[],
  trialIds: readonly string[] | undefined,
  hyperparams: Point | undefined,
  now: number,
): RestartPlan {
  const restarts: RestartRequest[] = [];
  const refused: Record<string, string> = {};
  if (trialIds !== undefined && trialIds.length > 0) {
    for (const trialId of trialIds) {
      const trial = trials.find((t) => t.id === trialId);
      const why = trial === undefined ? 'trial not found' : whyNot(trials, trial, now);
      if (why !== undefined || trial === undefined) refused[trialId] = `failed to restart trial, ${why}`;
      else restarts.push({ hyperparams: trial.hyperparams, restartOf: trialId });
    }
  } else if (hyperparams !== undefined) {
    restarts.push({ hyperparams, restartOf: undefined });
  }
  return { restarts, refused };
}

function whyNot(trials: readonly TrialRecord[], trial: TrialRecord, now: number): string | undefined {
  const status = trialStatusAt(trial, now);
  if (status !== 'FAILED') return `trial is ${status}, only FAILED trials restart`;
  const same = JSON.stringify(trial.hyperparams);
  if (trials.some((t) => t.endStatus === 'SUCCEEDED' && JSON.stringify(t.hyperparams) === same)) {
    return 'a trial with the same hyperparameters already succeeded';
  }
  return undefined;
}

/** NNI's TrialJobInfo, as RestartHpoTrials returns it per trial (reference §2.2: "TrialJobInfo text"). */
export function trialJobInfo(trial: TrialRecord, now: number): string {
  return pythonJson({
    trialJobId: trial.id,
    sequenceId: trial.sequence,
    status: trialStatusAt(trial, now),
    hyperParameters: trial.hyperparams,
  });
}
