/**
 * How an experiment moves with the virtual clock. Progress is applied lazily — whenever the fake
 * is asked about an experiment — by replaying every submission and trial end due up to "now" in
 * time order. Each event happens at a time fixed by the trial plans, so the result is the same
 * however often, or how rarely, the experiment is looked at.
 *
 * Experiment: CREATED → WAITING (NNI manager starting) → RUNNING (first trials submitted) →
 * NO_MORE_TRIAL (the tuner has submitted its last trial) → FINISHED, or FAILED when every trial
 * failed; USER_CANCELED on StopHpoExperiment. Trials: WAITING → RUNNING → SUCCEEDED, FAILED,
 * EARLY_STOPPED (assessor) or USER_CANCELED.
 */
import type { Point } from '../../search-space/index.js';
import type { ExperimentRecord, ExperimentStatus, TrialRecord, TrialStatus } from './types.js';

/** How the PAI fake's simulated trials run: timing (virtual ms) and failure rates. */
export interface SimulationOptions {
  /** From CreateHpoExperiment until the experiment is WAITING (its NNI manager is being scheduled). */
  startDelayMs: number;
  /** From CreateHpoExperiment until the first trials are submitted and the experiment is RUNNING. */
  launchDelayMs: number;
  /** Range of each trial's WAITING time (its job being scheduled). */
  trialStartupMs: readonly [number, number];
  /** Range of each trial's RUNNING time when it runs to the end. */
  trialRunMs: readonly [number, number];
  /** Range of how many PERIODICAL metric reports a full run makes. */
  reportsPerTrial: readonly [number, number];
  /** Probability that a trial fails. */
  failureRate: number;
  /** Probability that the assessor stops a poor trial early, when early stopping is on. */
  earlyStopRate: number;
  /**
   * How `FinalMetric` is written: `scalar` — the FINAL entry's `default` as text (`"0.8731"`,
   * ListHpoTrials' example and the field description) — or `object` — the whole FINAL entry as
   * JSON text (GetHpoTrial's example). PAI's examples disagree (reference §3).
   */
  finalMetricForm: 'scalar' | 'object';
  /** Range of an AutoFE experiment's run time. */
  autofeRunMs: readonly [number, number];
}

/** The PAI fake's simulation unless `simulation` overrides parts of it. */
export const DEFAULT_SIMULATION: SimulationOptions = {
  startDelayMs: 5_000,
  launchDelayMs: 60_000,
  trialStartupMs: [30_000, 120_000],
  trialRunMs: [5 * 60_000, 20 * 60_000],
  reportsPerTrial: [6, 12],
  failureRate: 0.1,
  earlyStopRate: 0.6,
  finalMetricForm: 'scalar',
  autofeRunMs: [20 * 60_000, 60 * 60_000],
};

export const TERMINAL_EXPERIMENT_STATUSES: readonly ExperimentStatus[] = [
  'FINISHED',
  'FAILED',
  'EARLY_STOPPED',
  'USER_CANCELED',
  'SYS_CANCELED',
];

/** A trial RestartHpoTrials asks for: fixed hyperparameters instead of the tuner's choice. */
export interface RestartRequest {
  readonly hyperparams: Point;
  readonly restartOf: string | undefined;
}

export interface SimulationWorld {
  readonly options: SimulationOptions;
  trial(id: string): TrialRecord;
  /** Submits the experiment's next trial at `at`: the tuner's choice, or a restart's. */
  submit(experiment: ExperimentRecord, at: number, restart: RestartRequest | undefined): TrialRecord;
}

export function isTerminal(status: ExperimentStatus): boolean {
  return TERMINAL_EXPERIMENT_STATUSES.includes(status);
}

export function trialStatusAt(trial: TrialRecord, now: number): TrialStatus {
  return trial.endStatus ?? (now >= trial.runStartAt ? 'RUNNING' : 'WAITING');
}

export function advanceExperiment(experiment: ExperimentRecord, now: number, world: SimulationWorld): void {
  if (isTerminal(experiment.status)) return;
  const waitingAt = experiment.createdAt + world.options.startDelayMs;
  if (experiment.status === 'CREATED' && now >= waitingAt) transition(experiment, 'WAITING', waitingAt);
  let t = Math.max(experiment.simTime, experiment.createdAt + world.options.launchDelayMs);
  while (t <= now) {
    fillSlots(experiment, t, world);
    const active = activeTrials(experiment, world);
    if (active.length === 0) {
      finish(experiment, t, world);
      return;
    }
    const next = Math.min(...active.map((trial) => trial.plannedEndAt));
    if (next > now) break;
    for (const trial of active) if (trial.plannedEndAt === next) complete(trial);
    experiment.simTime = next;
    experiment.modifiedAt = Math.max(experiment.modifiedAt, next);
    t = next;
  }
}

/** StopHpoExperiment: running trials and the experiment end now. */
export function stopExperiment(experiment: ExperimentRecord, now: number, world: SimulationWorld): void {
  for (const trial of activeTrials(experiment, world)) cancelTrial(trial, now);
  transition(experiment, 'USER_CANCELED', now);
  experiment.endedAt = now;
  experiment.simTime = now;
}

export function cancelTrial(trial: TrialRecord, now: number): void {
  trial.endedAt = now;
  trial.endStatus = 'USER_CANCELED';
}

/** Whether the tuner may still generate a trial. */
export function canGenerate(experiment: ExperimentRecord): boolean {
  return experiment.generated < Math.min(experiment.spec.maxTrials, experiment.spec.tunerLimit);
}

/**
 * After a change at `now` (stopped trials, restarts, raised limits): the next sync submits from
 * `now`, never earlier, and an experiment that had ended runs again.
 */
export function reopen(experiment: ExperimentRecord, now: number): void {
  experiment.simTime = Math.max(experiment.simTime, now);
  const wanted: ExperimentStatus = canGenerate(experiment) ? 'RUNNING' : 'NO_MORE_TRIAL';
  if (experiment.status === 'FINISHED' || experiment.status === 'FAILED') {
    transition(experiment, wanted, now);
    experiment.endedAt = undefined;
  } else if (experiment.status === 'NO_MORE_TRIAL' && wanted === 'RUNNING') {
    transition(experiment, 'RUNNING', now);
  }
}

export function activeTrials(experiment: ExperimentRecord, world: SimulationWorld): TrialRecord[] {
  return experiment.trialIds.map((id) => world.trial(id)).filter((trial) => trial.endedAt === undefined);
}

function fillSlots(experiment: ExperimentRecord, at: number, world: SimulationWorld): void {
  if (experiment.status === 'CREATED') transition(experiment, 'WAITING', at);
  let running = activeTrials(experiment, world).length;
  while (running < experiment.spec.concurrency && canGenerate(experiment)) {
    world.submit(experiment, at, undefined);
    experiment.modifiedAt = Math.max(experiment.modifiedAt, at);
    running += 1;
    if (experiment.status === 'WAITING') transition(experiment, 'RUNNING', at);
  }
  if (experiment.status === 'RUNNING' && !canGenerate(experiment))
    transition(experiment, 'NO_MORE_TRIAL', at);
}

function complete(trial: TrialRecord): void {
  trial.endedAt = trial.plannedEndAt;
  trial.endStatus = trial.plannedOutcome;
}

function finish(experiment: ExperimentRecord, at: number, world: SimulationWorld): void {
  const trials = experiment.trialIds.map((id) => world.trial(id));
  const allFailed = trials.length > 0 && trials.every((trial) => trial.endStatus === 'FAILED');
  if (experiment.status === 'RUNNING') transition(experiment, 'NO_MORE_TRIAL', at);
  transition(experiment, allFailed ? 'FAILED' : 'FINISHED', at);
  experiment.endedAt = at;
  experiment.simTime = at;
}

function transition(experiment: ExperimentRecord, to: ExperimentStatus, at: number): void {
  if (experiment.status === to) return;
  experiment.history.push({ at, from: experiment.status, to });
  experiment.status = to;
  experiment.modifiedAt = Math.max(experiment.modifiedAt, at);
}
