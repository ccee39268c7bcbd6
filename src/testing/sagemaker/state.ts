/**
 * The fake's store of tuning jobs and the training jobs they launched. Every read first brings the
 * jobs up to the virtual clock, so what a test reads here is what the next API call would return.
 */
import type { VirtualClock } from '../engine/clock.js';
import { wireErrors } from './errors.js';
import { planTrial } from './plan.js';
import {
  type SeedTrainingJobsOptions,
  type SeedTuningJobInput,
  seedRequest,
  settleSeededTrainingJob,
} from './seed.js';
import { advanceTuningJob, requestStop, type SimulationOptions, type SimulationWorld } from './simulate.js';
import type { DefinitionSpec, TrainingJobRecord, TuningJobRecord, TuningJobStatus } from './types.js';
import { type ValidatedCreate, validateCreateRequest } from './validate.js';

export interface StateEnvironment {
  readonly seed: number;
  readonly region: string;
  readonly accountId: string;
  readonly clock: VirtualClock;
  readonly simulation: SimulationOptions;
  /** Tuning jobs allowed InProgress/Stopping at once before Create answers ResourceLimitExceeded. */
  readonly maxConcurrentTuningJobs: number;
}

const NOT_FOUND_SUFFIX = '. Type another name.';

/**
 * The SageMaker fake's store (`fake.state`): read what a client did, or seed jobs directly. Reads
 * apply what the clock's current time has made happen first.
 */
export class SageMakerState {
  readonly #env: StateEnvironment;
  readonly #tuning = new Map<string, TuningJobRecord>();
  readonly #training = new Map<string, TrainingJobRecord>();
  readonly #generations = new Map<string, number>();
  readonly #world: SimulationWorld;

  constructor(env: StateEnvironment) {
    this.#env = env;
    this.#world = {
      options: env.simulation,
      training: (name) => this.#requireTraining(name),
      launch: (job, at) => this.#launch(job, at),
    };
  }

  /** Applies every launch and completion due by the clock's current time. */
  sync(): void {
    const now = this.#env.clock.now();
    for (const job of this.#tuning.values()) advanceTuningJob(job, now, this.#world);
  }

  /** The tuning job named `name`, or undefined. */
  tuningJob(name: string): Readonly<TuningJobRecord> | undefined {
    this.sync();
    return this.#tuning.get(name.toLowerCase());
  }

  /** Every tuning job in the store, in creation order. */
  tuningJobs(): Readonly<TuningJobRecord>[] {
    this.sync();
    return [...this.#tuning.values()];
  }

  /** The training job named `name`, or undefined. */
  trainingJob(name: string): Readonly<TrainingJobRecord> | undefined {
    this.sync();
    return this.#training.get(name.toLowerCase());
  }

  /** Training jobs of a tuning job in launch order; throws ResourceNotFound for an unknown job. */
  trainingJobsOf(tuningJobName: string): Readonly<TrainingJobRecord>[] {
    const job = this.#requireTuning(tuningJobName);
    return job.trainingJobNames.map((name) => this.#requireTraining(name));
  }

  /** What CreateHyperParameterTuningJob does after validating its input. */
  create(input: ValidatedCreate): Readonly<TuningJobRecord> {
    this.sync();
    if (this.#tuning.has(input.name.toLowerCase())) {
      throw wireErrors.resourceInUse(
        `A hyperparameter tuning job with the name, ${input.name}, already exists. Choose a different name.`,
      );
    }
    const active = [...this.#tuning.values()].filter(
      (j) => j.status === 'InProgress' || j.status === 'Stopping',
    );
    const limit = this.#env.maxConcurrentTuningJobs;
    if (active.length >= limit) {
      throw wireErrors.resourceLimitExceeded(
        `The account-level service limit 'Number of concurrent hyperparameter tuning jobs' is ${limit} Jobs, ` +
          `with current utilization of ${active.length} Jobs and a request delta of 1 Jobs. ` +
          'Please use AWS Service Quotas to request an increase for this quota.',
      );
    }
    return this.#insert(input, this.#env.clock.now(), 'InProgress');
  }

  /** What StopHyperParameterTuningJob does. */
  stop(name: string): void {
    const job = this.#requireTuning(name);
    if (job.status === 'Stopping') return;
    if (job.status !== 'InProgress') {
      throw wireErrors.validation(
        `The hyperparameter tuning job ${job.name} cannot be stopped because its status is ${job.status}.`,
      );
    }
    requestStop(job, this.#env.clock.now(), this.#world);
  }

  /** Removes the tuning job only; its training jobs stay describable, as on SageMaker. */
  delete(name: string): void {
    const job = this.#requireTuning(name);
    if (job.status === 'InProgress' || job.status === 'Stopping') {
      throw wireErrors.validation(
        `The hyperparameter tuning job ${job.name} cannot be deleted while its status is ${job.status}. ` +
          'Stop the job and wait until it is Stopped.',
      );
    }
    this.#tuning.delete(job.name.toLowerCase());
  }

  /** Puts a tuning job straight into the store, bypassing the API (no signature, no validation of a request). */
  seedTuningJob(input: SeedTuningJobInput): Readonly<TuningJobRecord> {
    if (this.#tuning.has(input.name.toLowerCase())) {
      throw wireErrors.resourceInUse(
        `A hyperparameter tuning job with the name, ${input.name}, already exists.`,
      );
    }
    const createdAt =
      input.createdAt === undefined ? this.#env.clock.now() : new Date(input.createdAt).getTime();
    const job = this.#insert(
      validateCreateRequest(seedRequest(input)),
      createdAt,
      input.status ?? 'Completed',
    );
    job.failureReason = input.failureReason;
    return job;
  }

  /**
   * Adds `count` finished (by default Completed) training jobs to a tuning job, with the same
   * deterministic names, hyperparameters and metrics the simulation would give them.
   * Returns their names.
   */
  seedTrainingJobs(tuningJobName: string, count: number, options: SeedTrainingJobsOptions = {}): string[] {
    const job = this.#requireTuning(tuningJobName);
    const status = options.status ?? 'Completed';
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const index = job.launched + 1;
      const record = this.#launch(job, job.createdAt + index * 1000);
      settleSeededTrainingJob(record, status);
      if (job.frozen && record.endedAt !== undefined)
        job.endedAt = Math.max(job.endedAt ?? 0, record.endedAt);
      names.push(record.name);
    }
    return names;
  }

  /** Empties the store; `fake.reset()` also clears faults and the log and rewinds the clock. */
  reset(): void {
    this.#tuning.clear();
    this.#training.clear();
    this.#generations.clear();
  }

  #insert(input: ValidatedCreate, createdAt: number, status: TuningJobStatus): TuningJobRecord {
    const key = input.name.toLowerCase();
    const generation = this.#generations.get(key) ?? 0;
    this.#generations.set(key, generation + 1);
    const frozen = status !== 'InProgress' && status !== 'Stopping';
    const job: TuningJobRecord = {
      name: input.name,
      arn: this.#arn('hyper-parameter-tuning-job', input.name),
      generation,
      request: input.request,
      spec: input.spec,
      createdAt,
      frozen,
      status,
      lastModifiedAt: createdAt,
      endedAt: frozen ? createdAt : undefined,
      failureReason: undefined,
      stopRequestedAt: status === 'Stopping' ? createdAt : undefined,
      simTime: createdAt,
      launched: 0,
      noMoreLaunches: status === 'Stopping',
      gaveUp: false,
      trainingJobNames: [],
    };
    this.#tuning.set(key, job);
    return job;
  }

  #launch(job: TuningJobRecord, at: number): TrainingJobRecord {
    const index = job.launched + 1;
    const definitions = job.spec.definitions;
    const definition = definitions[(index - 1) % definitions.length] as DefinitionSpec;
    const plan = planTrial({
      seed: this.#env.seed,
      tuningJobName: job.name,
      generation: job.generation,
      index,
      strategy: job.spec.strategy,
      maxJobs: job.spec.maxJobs,
      definition,
      definitionSlot: Math.floor((index - 1) / definitions.length),
      earlyStopping: job.spec.earlyStopping,
      options: this.#env.simulation,
    });
    const name = `${job.name}-${String(index).padStart(3, '0')}-${plan.suffix}`;
    const record: TrainingJobRecord = {
      name,
      arn: this.#arn('training-job', name),
      tuningJobName: job.name,
      tuningJobArn: job.arn,
      index,
      definition,
      objective: definition.objective,
      tunedHyperParameters: plan.hyperParameters,
      createdAt: at,
      startupMs: plan.startupMs,
      plannedEndAt: at + plan.startupMs + plan.runMs,
      plannedOutcome: plan.outcome,
      plannedMetric: plan.metric,
      plannedFailure: plan.failure,
      status: 'InProgress',
      objectiveStatus: 'Pending',
      metric: undefined,
      failure: undefined,
      earlyStopped: false,
      endedAt: undefined,
      lastModifiedAt: at,
    };
    this.#training.set(name.toLowerCase(), record);
    job.trainingJobNames.push(name);
    job.launched = index;
    return record;
  }

  #requireTuning(name: string): TuningJobRecord {
    this.sync();
    const job = this.#tuning.get(name.toLowerCase());
    if (job === undefined) {
      throw wireErrors.resourceNotFound(
        `Amazon SageMaker can't find a tuning job called ${name}${NOT_FOUND_SUFFIX}`,
      );
    }
    return job;
  }

  #requireTraining(name: string): TrainingJobRecord {
    const record = this.#training.get(name.toLowerCase());
    if (record === undefined)
      throw new Error(`crosstune fake: training job ${name} is missing from the store`);
    return record;
  }

  /** SageMaker lower-cases resource names inside ARNs. */
  #arn(resource: string, name: string): string {
    return `arn:${partition(this.#env.region)}:sagemaker:${this.#env.region}:${this.#env.accountId}:${resource}/${name.toLowerCase()}`;
  }
}

function partition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
