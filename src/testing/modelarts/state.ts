/**
 * The fake's store: training jobs and their trials, workspaces, and the tokens IAM issued. Every
 * read first brings the jobs up to the virtual clock, so what a test reads here is what the next
 * API call would return.
 */
import type { VirtualClock } from '../engine/clock.js';
import { deriveRng, type Rng, randomBetween, randomHex, randomUuid } from '../engine/rng.js';
import { DEFAULT_IDENTITY } from './auth.js';
import { wireErrors } from './errors.js';
import { planTrial } from './plan.js';
import { type SeedJobInput, type SeedWorkspaceInput, seedRequest } from './seed.js';
import {
  advanceJob,
  earlyStopTrial,
  isTerminal,
  type SimulationOptions,
  type SimulationWorld,
  terminateJob,
} from './simulate.js';
import { type TokenIdentity, type TokenRecord, TokenStore } from './tokens.js';
import type { JobRecord, TrialRecord, WorkspaceRecord } from './types.js';
import { type NewJobInput, validateCreateRequest } from './validate.js';
import { DEFAULT_WORKSPACE, newWorkspace } from './workspaces.js';

export interface StateEnvironment {
  readonly seed: number;
  readonly clock: VirtualClock;
  readonly simulation: SimulationOptions;
  readonly region: string;
  readonly projectId: string;
}

/**
 * The ModelArts fake's store (`fake.state`): read what a client did, or seed jobs, workspaces and
 * tokens directly. Reads apply what the clock's current time has made happen first.
 */
export class ModelArtsState {
  readonly #env: StateEnvironment;
  readonly #jobs = new Map<string, JobRecord>();
  /** Keyed `jobId/trialId`: Ray's ids are unique within a job only. */
  readonly #trials = new Map<string, TrialRecord>();
  readonly #workspaces = new Map<string, WorkspaceRecord>();
  readonly #tokens = new TokenStore();
  readonly #world: SimulationWorld;
  #jobIds!: Rng;
  #workspaceIds!: Rng;
  #tokenRng!: Rng;
  #seeded = 0;

  constructor(env: StateEnvironment) {
    this.#env = env;
    this.#world = {
      options: env.simulation,
      trial: (jobId, trialId) => this.#trials.get(`${jobId}/${trialId}`) as TrialRecord,
      createTrial: (job, at) => this.#createTrial(job, at),
    };
    this.reset();
  }

  get now(): number {
    return this.#env.clock.now();
  }

  get seed(): number {
    return this.#env.seed;
  }

  get simulation(): SimulationOptions {
    return this.#env.simulation;
  }

  get projectId(): string {
    return this.#env.projectId;
  }

  get region(): string {
    return this.#env.region;
  }

  /** Applies every trial creation and end due by the clock's current time. */
  sync(): void {
    const now = this.now;
    for (const job of this.#jobs.values()) advanceJob(job, now, this.#world);
  }

  /** The training job with this id; undefined when there is none or it was deleted. */
  job(id: string): Readonly<JobRecord> | undefined {
    this.sync();
    return this.#jobs.get(id);
  }

  /** Every job not deleted, in creation order. */
  jobs(): Readonly<JobRecord>[] {
    this.sync();
    return [...this.#jobs.values()];
  }

  /** Trials of a job in creation order; throws ModelArts.2775 for an unknown job. */
  trialsOf(jobId: string): Readonly<TrialRecord>[] {
    const job = this.#require(jobId);
    return job.trialIds.map((id) => this.#world.trial(job.id, id));
  }

  /** One trial of a job, or undefined; throws the fake's wire error for an unknown job. */
  trial(jobId: string, trialId: string): Readonly<TrialRecord> | undefined {
    this.#require(jobId);
    return this.#trials.get(`${jobId}/${trialId}`);
  }

  /** What CreateTrainingJob does after reading its body. `createdAt` (default now) may lie in the past. */
  createJob(input: NewJobInput, owner: TokenIdentity = DEFAULT_IDENTITY, createdAt = this.now): JobRecord {
    this.sync();
    if (!this.#workspaces.has(input.workspaceId)) throw wireErrors.workspaceNotFound();
    const taken = [...this.#jobs.values()].some(
      (job) => job.name === input.name && job.workspaceId === input.workspaceId,
    );
    if (taken) throw wireErrors.duplicateName(input.name);
    let id = randomUuid(this.#jobIds);
    while (this.#jobs.has(id)) id = randomUuid(this.#jobIds);
    const runRng = deriveRng(this.#env.seed, 'modelarts', 'job', id);
    const { creatingMs, pendingMs, trainingRunMs } = this.#env.simulation;
    const job: JobRecord = {
      ...input,
      id,
      userName: owner.userName,
      userId: owner.userId,
      createdAt,
      phase: 'Creating',
      runningAt: undefined,
      endedAt: undefined,
      terminatedAt: undefined,
      plainEndAt: createdAt + creatingMs + pendingMs + Math.round(randomBetween(runRng, ...trainingRunMs)),
      simTime: createdAt,
      trialIds: [],
      history: [{ at: createdAt, phase: 'Creating' }],
    };
    this.#jobs.set(id, job);
    advanceJob(job, this.now, this.#world);
    return job;
  }

  /**
   * Adds a job without a request, e.g. `fake.state.seedJob({ name: 'old', createdAt })`; it passes
   * the same checks as a created one and then runs on the clock. Returns it.
   */
  seedJob(input: SeedJobInput = {}): Readonly<JobRecord> {
    const createdAt = input.createdAt === undefined ? this.now : new Date(input.createdAt).getTime();
    if (!(createdAt <= this.now)) throw new RangeError('seedJob: createdAt must not lie after the clock');
    this.#seeded += 1;
    const request = seedRequest(input, `seeded-job-${this.#seeded}`);
    return this.createJob(
      validateCreateRequest(request, this.simulation.extraMetrics),
      DEFAULT_IDENTITY,
      createdAt,
    );
  }

  /** The terminate action: only Creating, Pending and Running jobs can be terminated (ModelArts.2796). */
  terminateJob(id: string): Readonly<JobRecord> {
    const job = this.#require(id);
    if (job.phase !== 'Creating' && job.phase !== 'Pending' && job.phase !== 'Running') {
      throw wireErrors.notAllowedToTerminate();
    }
    terminateJob(job, this.now, this.#world);
    return job;
  }

  /** DeleteTrainingJob: whatever still runs stops, and the job is gone at once. */
  deleteJob(id: string): void {
    const job = this.#require(id);
    if (!isTerminal(job.phase) && job.phase !== 'Terminating') terminateJob(job, this.now, this.#world);
    this.#jobs.delete(id);
    for (const trialId of job.trialIds) this.#trials.delete(`${id}/${trialId}`);
  }

  /** The early-stop action: only for an unfinished trial of a Running job. */
  earlyStopTrial(jobId: string, trialId: string): Readonly<TrialRecord> {
    const job = this.#require(jobId);
    const trial = this.#trials.get(`${jobId}/${trialId}`);
    if (trial === undefined) throw wireErrors.invalidParam('trial_id');
    if (job.phase !== 'Running') {
      throw wireErrors.unsupportedOperation(`the training job is ${job.phase}, not Running`);
    }
    if (trial.endedAt !== undefined) {
      throw wireErrors.unsupportedOperation(`trial ${trialId} has already ended`);
    }
    earlyStopTrial(job, trial, this.now, this.#world);
    return trial;
  }

  /** The workspace with this id, or undefined. */
  workspace(id: string): Readonly<WorkspaceRecord> | undefined {
    return this.#workspaces.get(id);
  }

  /** The default workspace `"0"` first, then the seeded ones. */
  workspaces(): Readonly<WorkspaceRecord>[] {
    return [...this.#workspaces.values()];
  }

  /** Adds a workspace to the store. */
  seedWorkspace(input: SeedWorkspaceInput): Readonly<WorkspaceRecord> {
    const workspace = newWorkspace(input, randomHex(this.#workspaceIds, 32), this.now);
    this.#workspaces.set(workspace.id, workspace);
    return workspace;
  }

  /**
   * A token as IAM's `POST /v3/auth/tokens` issues it (valid 24 h of virtual time), scoped to the
   * fake's project unless `scoped: false`. Tests use it to skip the IAM call or to make odd tokens.
   */
  issueToken(options: { scoped?: boolean; lifetimeMs?: number; identity?: TokenIdentity } = {}): TokenRecord {
    return this.#tokens.issue(
      {
        issuedAt: this.now,
        identity: options.identity ?? DEFAULT_IDENTITY,
        project: options.scoped === false ? undefined : { id: this.projectId, name: this.region },
        ...(options.lifetimeMs === undefined ? {} : { lifetimeMs: options.lifetimeMs }),
      },
      this.#tokenRng,
    );
  }

  /** What a token stands for, expired ones included; `undefined` for one the fake never issued. */
  token(value: string): TokenRecord | undefined {
    return this.#tokens.get(value);
  }

  /** Empties the store, restarts ids and brings back the default workspace. */
  reset(): void {
    const seed = this.#env.seed;
    this.#jobs.clear();
    this.#trials.clear();
    this.#workspaces.clear();
    this.#tokens.clear();
    this.#seeded = 0;
    this.#jobIds = deriveRng(seed, 'modelarts', 'job-ids');
    this.#workspaceIds = deriveRng(seed, 'modelarts', 'workspace-ids');
    this.#tokenRng = deriveRng(seed, 'modelarts', 'tokens');
    this.#workspaces.set(DEFAULT_WORKSPACE.id, DEFAULT_WORKSPACE);
  }

  #require(id: string): JobRecord {
    this.sync();
    const job = this.#jobs.get(id);
    if (job === undefined) throw wireErrors.jobNotFound(id);
    return job;
  }

  #createTrial(job: JobRecord, at: number): TrialRecord {
    const spec = job.autoSearch;
    if (spec === undefined) throw new Error('a job without auto search has no trials');
    const index = job.trialIds.length;
    const plan = planTrial({
      seed: this.#env.seed,
      jobId: job.id,
      index,
      spec,
      createdAt: at,
      options: this.simulation,
    });
    let id = plan.id;
    // Two trials created in the same 100 ns would share an id; Ray's uuid1 clock sequence avoids that.
    while (this.#trials.has(`${job.id}/${id}`))
      id = ((Number.parseInt(id, 16) + 1) % 2 ** 32).toString(16).padStart(8, '0');
    const trial: TrialRecord = {
      id,
      jobId: job.id,
      index,
      config: plan.config,
      pid: plan.pid,
      createdAt: at,
      runStartAt: plan.runStartAt,
      plannedEndAt: plan.plannedEndAt,
      plannedOutcome: plan.outcome,
      reports: plan.reports,
      endedAt: undefined,
      endStatus: undefined,
      earlyStopped: false,
      haltedAt: undefined,
    };
    this.#trials.set(`${job.id}/${id}`, trial);
    job.trialIds.push(id);
    return trial;
  }
}
