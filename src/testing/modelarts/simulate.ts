/**
 * How a training job moves with the virtual clock. Progress is applied lazily — whenever the fake
 * is asked about a job — by replaying every trial creation and end due up to "now" in time order.
 * Each event happens at a time fixed by the trial plans, so the result is the same however often,
 * or how rarely, the job is looked at.
 *
 * Job: Creating → Pending (queuing) → Running → Completed, or Failed when every trial ended in
 * ERROR; Terminating → Terminated after a terminate action. Trials (Ray Tune): PENDING → RUNNING →
 * TERMINATED or ERROR, at most `max_concurrent` unfinished at once, `num_samples` in all.
 */
import type { JobPhase, JobRecord, TrialRecord, TrialStatus } from './types.js';

/** How the ModelArts fake's simulated trials run: timing (virtual ms) and failure rates. */
export interface SimulationOptions {
  /** From create until the job is Pending. */
  creatingMs: number;
  /** How long it queues (Pending) before it is Running and Ray creates the first trials. */
  pendingMs: number;
  /** Range of each trial's PENDING time. */
  trialStartupMs: readonly [number, number];
  /** Range of the time between two results of a trial (one training iteration). */
  iterationMs: readonly [number, number];
  /** Range of how many results (training iterations) a trial reports when it runs to the end. */
  iterationsPerTrial: readonly [number, number];
  /** Probability that a trial ends in ERROR. */
  failureRate: number;
  /** From a terminate action until the job is Terminated. */
  terminatingMs: number;
  /** Range of the run time of a job without hyperparameter search. */
  trainingRunMs: readonly [number, number];
  /** Metric columns every trial reports besides its reward attributes (the reference example has `loss`). */
  extraMetrics: readonly string[];
}

/** The ModelArts fake's simulation unless `simulation` overrides parts of it. */
export const DEFAULT_SIMULATION: SimulationOptions = {
  creatingMs: 5_000,
  pendingMs: 30_000,
  trialStartupMs: [5_000, 30_000],
  iterationMs: [30_000, 120_000],
  iterationsPerTrial: [2, 8],
  failureRate: 0.1,
  terminatingMs: 10_000,
  trainingRunMs: [5 * 60_000, 20 * 60_000],
  extraMetrics: ['loss'],
};

export const TERMINAL_PHASES: readonly JobPhase[] = ['Completed', 'Failed', 'Terminated', 'Abnormal'];

export function isTerminal(phase: JobPhase): boolean {
  return TERMINAL_PHASES.includes(phase);
}

export interface SimulationWorld {
  readonly options: SimulationOptions;
  trial(jobId: string, trialId: string): TrialRecord;
  /** Creates the job's next trial at `at`. */
  createTrial(job: JobRecord, at: number): TrialRecord;
}

export function trialStatusAt(trial: TrialRecord, now: number): TrialStatus {
  if (trial.endStatus !== undefined) return trial.endStatus;
  return Math.min(now, trial.haltedAt ?? Number.POSITIVE_INFINITY) >= trial.runStartAt
    ? 'RUNNING'
    : 'PENDING';
}

/** Results reported by `now`, and only those before the trial ended or was frozen. */
export function visibleReports(trial: TrialRecord, now: number) {
  const until = Math.min(now, trial.endedAt ?? trial.haltedAt ?? Number.POSITIVE_INFINITY);
  return trial.reports.filter((report) => report.at <= until);
}

export function advanceJob(job: JobRecord, now: number, world: SimulationWorld): void {
  if (isTerminal(job.phase)) return;
  if (job.phase === 'Terminating') {
    if (job.terminatedAt !== undefined && now >= job.terminatedAt) end(job, 'Terminated', job.terminatedAt);
    return;
  }
  const pendingAt = job.createdAt + world.options.creatingMs;
  const runningAt = pendingAt + world.options.pendingMs;
  if (job.phase === 'Creating' && now >= pendingAt) transition(job, 'Pending', pendingAt);
  if (job.phase === 'Pending' && now >= runningAt) {
    transition(job, 'Running', runningAt);
    job.runningAt = runningAt;
    job.simTime = Math.max(job.simTime, runningAt);
  }
  if (job.phase !== 'Running') return;
  if (job.autoSearch === undefined) {
    if (now >= job.plainEndAt) end(job, 'Completed', job.plainEndAt);
    return;
  }
  let t = job.simTime;
  while (t <= now) {
    fillSlots(job, t, world);
    const live = liveTrials(job, world);
    if (live.length === 0) {
      const trials = job.trialIds.map((id) => world.trial(job.id, id));
      end(job, trials.some((trial) => trial.endStatus === 'TERMINATED') ? 'Completed' : 'Failed', t);
      return;
    }
    const next = Math.min(...live.map((trial) => trial.plannedEndAt));
    if (next > now) break;
    for (const trial of live) {
      if (trial.plannedEndAt !== next) continue;
      trial.endedAt = next;
      trial.endStatus = trial.plannedOutcome;
    }
    job.simTime = next;
    t = next;
  }
}

/** The terminate action at `now` (the job brought up to `now` first): unfinished trials freeze where they are. */
export function terminateJob(job: JobRecord, now: number, world: SimulationWorld): void {
  for (const trial of liveTrials(job, world)) trial.haltedAt = now;
  transition(job, 'Terminating', now);
  job.terminatedAt = now + world.options.terminatingMs;
  job.simTime = now;
  advanceJob(job, now, world);
}

/** The early-stop action: the trial ends TERMINATED with what it reported so far; its slot is refilled now. */
export function earlyStopTrial(
  job: JobRecord,
  trial: TrialRecord,
  now: number,
  world: SimulationWorld,
): void {
  trial.endedAt = now;
  trial.endStatus = 'TERMINATED';
  trial.earlyStopped = true;
  job.simTime = Math.max(job.simTime, now);
  advanceJob(job, now, world);
}

export function liveTrials(job: JobRecord, world: SimulationWorld): TrialRecord[] {
  return job.trialIds.map((id) => world.trial(job.id, id)).filter((trial) => trial.endedAt === undefined);
}

function fillSlots(job: JobRecord, at: number, world: SimulationWorld): void {
  const spec = job.autoSearch;
  if (spec === undefined) return;
  let live = liveTrials(job, world).length;
  while (live < spec.maxConcurrent && job.trialIds.length < spec.numSamples) {
    world.createTrial(job, at);
    live += 1;
  }
}

function end(job: JobRecord, phase: JobPhase, at: number): void {
  transition(job, phase, at);
  job.endedAt = at;
  job.simTime = at;
}

function transition(job: JobRecord, to: JobPhase, at: number): void {
  if (job.phase === to) return;
  job.history.push({ at, phase: to });
  job.phase = to;
}
