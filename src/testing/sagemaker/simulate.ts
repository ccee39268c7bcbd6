/**
 * How a tuning job moves with the virtual clock. Progress is applied lazily — whenever the fake is
 * asked about a job — by replaying every launch and completion due up to "now" in time order.
 * Because each event happens at a time fixed by the trial plans, the result is the same however
 * often, or how rarely, the job is looked at.
 */
import type { TrainingJobRecord, TuningJobRecord } from './types.js';

/** How the SageMaker fake's simulated trials run: timing (virtual ms) and failure rates. */
export interface SimulationOptions {
  /** From CreateHyperParameterTuningJob until the first training jobs appear. */
  launchDelayMs: number;
  /** Range of each training job's start-up (provisioning, downloading) time. */
  startupMs: readonly [number, number];
  /** Range of each training job's algorithm run time. */
  trainingMs: readonly [number, number];
  /** Probability that a training job fails. */
  failureRate: number;
  /** Probability that a poor trial is stopped early when early stopping is on. */
  earlyStopRate: number;
}

/** The SageMaker fake's simulation unless `simulation` overrides parts of it. */
export const DEFAULT_SIMULATION: SimulationOptions = {
  launchDelayMs: 30_000,
  startupMs: [60_000, 180_000],
  trainingMs: [5 * 60_000, 25 * 60_000],
  failureRate: 0.1,
  earlyStopRate: 0.6,
};

/** After this many failures without a single success the tuning job gives up, as SageMaker does. */
export const FAILURES_BEFORE_GIVING_UP = 5;

export interface SimulationWorld {
  readonly options: SimulationOptions;
  training(name: string): TrainingJobRecord;
  /** Creates the job's next training job at `at` and registers it with the job. */
  launch(job: TuningJobRecord, at: number): TrainingJobRecord;
}

export function advanceTuningJob(job: TuningJobRecord, now: number, world: SimulationWorld): void {
  if (job.frozen) return;
  if (job.status === 'Stopping') {
    if (job.stopRequestedAt !== undefined && now > job.stopRequestedAt)
      finishStop(job, job.stopRequestedAt, world);
    return;
  }
  if (job.status !== 'InProgress') return;

  let t = Math.max(job.simTime, job.createdAt + world.options.launchDelayMs);
  while (t <= now) {
    fillFreeSlots(job, t, world);
    const running = runningJobs(job, world);
    if (running.length === 0) {
      finish(job, t, world);
      return;
    }
    const next = Math.min(...running.map((r) => r.plannedEndAt));
    if (next > now) break;
    for (const training of running) if (training.plannedEndAt === next) complete(training, next);
    applyCompletionRules(job, world);
    job.simTime = next;
    job.lastModifiedAt = next;
    t = next;
  }
}

/** Stop takes effect on the next clock movement: running jobs are Stopping until then. */
export function requestStop(job: TuningJobRecord, now: number, world: SimulationWorld): void {
  job.status = 'Stopping';
  job.stopRequestedAt = now;
  job.lastModifiedAt = now;
  job.noMoreLaunches = true;
  for (const training of runningJobs(job, world)) {
    training.status = 'Stopping';
    training.lastModifiedAt = now;
  }
}

function fillFreeSlots(job: TuningJobRecord, at: number, world: SimulationWorld): void {
  let running = runningJobs(job, world).length;
  while (!job.noMoreLaunches && job.launched < job.spec.maxJobs && running < job.spec.maxParallel) {
    world.launch(job, at);
    job.lastModifiedAt = at;
    running += 1;
  }
}

function runningJobs(job: TuningJobRecord, world: SimulationWorld): TrainingJobRecord[] {
  return job.trainingJobNames
    .map((name) => world.training(name))
    .filter((t) => t.status === 'InProgress' || t.status === 'Stopping');
}

function complete(training: TrainingJobRecord, at: number): void {
  training.endedAt = at;
  training.lastModifiedAt = at;
  switch (training.plannedOutcome) {
    case 'Completed':
      training.status = 'Completed';
      training.objectiveStatus = 'Succeeded';
      training.metric = training.plannedMetric;
      return;
    case 'EarlyStopped':
      training.status = 'Stopped';
      training.earlyStopped = true;
      training.objectiveStatus = 'Succeeded';
      training.metric = training.plannedMetric;
      return;
    case 'Failed':
      training.status = 'Failed';
      training.objectiveStatus = 'Failed';
      training.failure = training.plannedFailure;
      return;
  }
}

function applyCompletionRules(job: TuningJobRecord, world: SimulationWorld): void {
  const finished = job.trainingJobNames
    .map((name) => world.training(name))
    .filter((t) => t.endedAt !== undefined);
  const succeeded = finished.filter((t) => t.objectiveStatus === 'Succeeded');
  const failed = finished.filter((t) => t.status === 'Failed');
  if (succeeded.length === 0 && failed.length >= FAILURES_BEFORE_GIVING_UP) {
    job.noMoreLaunches = true;
    job.gaveUp = true;
  }
  const target = job.spec.targetObjectiveValue;
  if (target !== undefined) {
    const maximize = job.spec.objective.Type === 'Maximize';
    if (
      succeeded.some((t) => t.metric !== undefined && (maximize ? t.metric >= target : t.metric <= target))
    ) {
      job.noMoreLaunches = true;
    }
  }
}

function finish(job: TuningJobRecord, at: number, world: SimulationWorld): void {
  const trainings = job.trainingJobNames.map((name) => world.training(name));
  const anySucceeded = trainings.some((t) => t.objectiveStatus === 'Succeeded');
  job.status = anySucceeded && !job.gaveUp ? 'Completed' : 'Failed';
  if (job.status === 'Failed') {
    const attempts = anySucceeded
      ? `the first ${FAILURES_BEFORE_GIVING_UP} attempts`
      : `${trainings.length} attempts`;
    job.failureReason =
      `No training job succeeded after ${attempts}. ` +
      'Please take a look at the training job failures to get more details.';
  }
  job.endedAt = at;
  job.lastModifiedAt = at;
  job.simTime = at;
}

function finishStop(job: TuningJobRecord, at: number, world: SimulationWorld): void {
  for (const training of runningJobs(job, world)) {
    training.status = 'Stopped';
    // Stopped by the user before emitting a final metric: nothing for the tuner to evaluate.
    training.objectiveStatus = 'Failed';
    training.endedAt = at;
    training.lastModifiedAt = at;
  }
  job.status = 'Stopped';
  job.endedAt = at;
  job.lastModifiedAt = at;
}
