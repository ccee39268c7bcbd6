/**
 * The fake's store of experiments and their trials. Every read first brings the experiments up to
 * the virtual clock, so what a test reads here is what the next API call would return.
 */
import type { Point } from '../../search-space/index.js';
import type { VirtualClock } from '../engine/clock.js';
import { deriveRng, type Rng } from '../engine/rng.js';
import { type AutofeRecord, planAutofe } from './autofe.js';
import { FAKE_ALIYUN_USER_ID } from './constants.js';
import { wireErrors } from './errors.js';
import { nniExperimentId, nniTrialId, paiId } from './ids.js';
import { planTrial } from './plan.js';
import { planRestarts, trialJobInfo } from './restart.js';
import { type SeedExperimentInput, seedInput } from './seed.js';
import {
  advanceExperiment,
  cancelTrial,
  canGenerate,
  isTerminal,
  type RestartRequest,
  reopen,
  type SimulationOptions,
  type SimulationWorld,
  stopExperiment,
} from './simulate.js';
import { buildSpec, mergeConfiguration } from './spec.js';
import type { ExperimentRecord, JsonObject, NewExperiment, TrialRecord } from './types.js';

export interface StateEnvironment {
  readonly seed: number;
  readonly clock: VirtualClock;
  readonly simulation: SimulationOptions;
}

/** What an experiment's metadata update may change. */
export interface ExperimentPatch {
  name?: string | undefined;
  description?: string | undefined;
  workspaceId?: string | undefined;
  accessibility?: 'PUBLIC' | 'PRIVATE' | undefined;
  tags?: Array<{ Key: string; Value: string }> | undefined;
  configuration?: JsonObject | undefined;
}

/** StopHpoTrials' per-trial texts, as PAI writes them (reference §2.2, trailing comma included). */
export const STOPPED = 'successfully stopped trial,';
export const NOT_STOPPED = 'failed to stop trial,';

/**
 * The PAI fake's store (`fake.state`): read what a client did, or seed experiments directly. Reads
 * apply what the clock's current time has made happen first.
 */
export class PaiState {
  readonly #env: StateEnvironment;
  readonly #experiments = new Map<string, ExperimentRecord>();
  /** Trial ids are unique across experiments, so one map serves. */
  readonly #trials = new Map<string, TrialRecord>();
  readonly #autofe = new Map<string, AutofeRecord>();
  /** Ids ever handed out, deleted experiments' included: PAI never reuses one. */
  readonly #usedIds = new Set<string>();
  readonly #usedTrialIds = new Set<string>();
  readonly #world: SimulationWorld;
  #ids: Rng;
  #serviceRole = false;

  constructor(env: StateEnvironment) {
    this.#env = env;
    this.#ids = deriveRng(env.seed, 'pai', 'experiment-ids');
    this.#world = {
      options: env.simulation,
      trial: (id) => this.#trials.get(id) as TrialRecord,
      submit: (experiment, at, restart) => this.#submit(experiment, at, restart),
    };
  }

  get now(): number {
    return this.#env.clock.now();
  }

  get simulation(): SimulationOptions {
    return this.#env.simulation;
  }

  /** Applies every submission and trial end due by the clock's current time. */
  sync(): void {
    const now = this.now;
    for (const experiment of this.#experiments.values()) advanceExperiment(experiment, now, this.#world);
  }

  /** The experiment with this id; undefined when there is none or it was deleted. */
  experiment(id: string): Readonly<ExperimentRecord> | undefined {
    this.sync();
    return this.#experiments.get(id);
  }

  /** Every experiment not deleted, in creation order. */
  experiments(): Readonly<ExperimentRecord>[] {
    this.sync();
    return [...this.#experiments.values()];
  }

  /** Trials of an experiment in submission order; throws INVALID_USER_OR_EXP for an unknown one. */
  trialsOf(experimentId: string): Readonly<TrialRecord>[] {
    return this.#require(experimentId).trialIds.map(
      (id) => this.#trialRecord(experimentId, id) as TrialRecord,
    );
  }

  /** One trial of an experiment, or undefined; throws the fake's wire error for an unknown experiment. */
  trial(experimentId: string, trialId: string): Readonly<TrialRecord> | undefined {
    this.#require(experimentId);
    return this.#trialRecord(experimentId, trialId);
  }

  /** The AutoFE experiment with this id, or undefined. */
  autofeExperiment(id: string): Readonly<AutofeRecord> | undefined {
    return this.#autofe.get(id);
  }

  /** Whether the AliyunServiceRoleForPaiAutoml service-linked role exists (a fresh account has none). */
  get serviceRoleExists(): boolean {
    return this.#serviceRole;
  }

  set serviceRoleExists(exists: boolean) {
    this.#serviceRole = exists;
  }

  /** What CreateHpoExperiment does after reading its input. `createdAt` (default now) may lie in the past. */
  createExperiment(input: NewExperiment, createdAt = this.now): Readonly<ExperimentRecord> {
    this.sync();
    const spec = buildSpec(input.configuration);
    const id = this.#newId();
    const experiment: ExperimentRecord = {
      id,
      nniExpId: nniExperimentId(deriveRng(this.#env.seed, 'pai', 'nni-experiment', id)),
      creator: input.creator,
      createdAt,
      name: input.name,
      description: input.description,
      workspaceId: input.workspaceId,
      accessibility: input.accessibility,
      tags: input.tags,
      configuration: input.configuration,
      spec,
      status: 'CREATED',
      modifiedAt: createdAt,
      endedAt: undefined,
      simTime: createdAt,
      generated: 0,
      trialIds: [],
      history: [],
    };
    this.#experiments.set(id, experiment);
    advanceExperiment(experiment, this.now, this.#world);
    return experiment;
  }

  /**
   * Adds an experiment without a request, e.g. `fake.state.seedExperiment({ name: 'old', createdAt })`;
   * it then runs on the clock like a created one. Returns it.
   */
  seedExperiment(input: SeedExperimentInput = {}): Readonly<ExperimentRecord> {
    const createdAt = input.createdAt === undefined ? this.now : new Date(input.createdAt).getTime();
    if (!(createdAt <= this.now))
      throw new RangeError('seedExperiment: createdAt must not lie after the clock');
    return this.createExperiment(seedInput(input, FAKE_ALIYUN_USER_ID), createdAt);
  }

  /** UpdateHpoExperiment: metadata at once; a changed configuration steers the rest of the run. */
  updateExperiment(id: string, patch: ExperimentPatch): void {
    const experiment = this.#require(id);
    const now = this.now;
    if (patch.configuration !== undefined) {
      const merged = mergeConfiguration(experiment.configuration, patch.configuration);
      experiment.spec = buildSpec(merged);
      experiment.configuration = merged;
      // Raised limits let a running or finished experiment go on; a stopped one stays stopped.
      const ended = experiment.status === 'FINISHED' || experiment.status === 'FAILED';
      if (!isTerminal(experiment.status) || (ended && canGenerate(experiment))) reopen(experiment, now);
    }
    if (patch.name !== undefined) experiment.name = patch.name;
    if (patch.description !== undefined) experiment.description = patch.description;
    if (patch.workspaceId !== undefined) experiment.workspaceId = patch.workspaceId;
    if (patch.accessibility !== undefined) experiment.accessibility = patch.accessibility;
    if (patch.tags !== undefined) experiment.tags = patch.tags;
    experiment.modifiedAt = now;
    advanceExperiment(experiment, now, this.#world);
  }

  /** StopHpoExperiment; stopping an experiment that already ended changes nothing. */
  stopExperiment(id: string): Readonly<ExperimentRecord> {
    const experiment = this.#require(id);
    if (!isTerminal(experiment.status)) stopExperiment(experiment, this.now, this.#world);
    return experiment;
  }

  /** DeleteHpoExperiment: stops what still runs, then Get and List no longer see it. */
  deleteExperiment(id: string): void {
    const experiment = this.#require(id);
    if (!isTerminal(experiment.status)) stopExperiment(experiment, this.now, this.#world);
    this.#experiments.delete(id);
    for (const trialId of experiment.trialIds) this.#trials.delete(trialId);
  }

  /** StopHpoTrials: one PAI text per requested id; freed slots are refilled at once. */
  stopTrials(experimentId: string, trialIds: readonly string[]): Record<string, string> {
    const experiment = this.#require(experimentId);
    const now = this.now;
    const results: Record<string, string> = {};
    for (const trialId of trialIds) {
      const trial = this.#trialRecord(experimentId, trialId);
      const active = trial !== undefined && trial.endedAt === undefined;
      if (active) cancelTrial(trial, now);
      results[trialId] = active ? STOPPED : NOT_STOPPED;
    }
    if (Object.values(results).includes(STOPPED)) this.#refill(experiment, now);
    return results;
  }

  /**
   * RestartHpoTrials: restarts start at once, beside the tuner's trials, reopening an experiment
   * that had ended. Results hold TrialJobInfo-like JSON text per restarted trial (keyed by the old
   * trial id, or the new one for `hyperparams`) and a refusal text for the rest.
   */
  restartTrials(
    experimentId: string,
    trialIds: readonly string[] | undefined,
    hyperparams: Point | undefined,
  ): Record<string, string> {
    const experiment = this.#require(experimentId);
    if (experiment.status === 'USER_CANCELED' || experiment.status === 'SYS_CANCELED') {
      throw wireErrors.invalidInput(
        `Experiment ${experimentId} is ${experiment.status}; it cannot run trials again.`,
      );
    }
    const now = this.now;
    const { restarts, refused } = planRestarts(this.trialsOf(experimentId), trialIds, hyperparams, now);
    const results: Record<string, string> = { ...refused };
    if (restarts.length === 0) return results;
    reopen(experiment, now);
    for (const restart of restarts) {
      const trial = this.#submit(experiment, now, restart);
      results[restart.restartOf ?? trial.id] = trialJobInfo(trial, now);
    }
    experiment.modifiedAt = now;
    return results;
  }

  /** What CreateAutofeExperiment does: records an AutoFE experiment that ends on the clock. */
  createAutofe(input: { name: string; creator: string; yml: JsonObject }): Readonly<AutofeRecord> {
    const id = this.#newId();
    const record = planAutofe({
      ...input,
      seed: this.#env.seed,
      id,
      createdAt: this.now,
      options: this.#env.simulation,
    });
    this.#autofe.set(id, record);
    return record;
  }

  /** Empties the store; `fake.reset()` also clears faults and the log and rewinds the clock. */
  reset(): void {
    this.#experiments.clear();
    this.#trials.clear();
    this.#autofe.clear();
    this.#usedIds.clear();
    this.#usedTrialIds.clear();
    this.#serviceRole = false;
    this.#ids = deriveRng(this.#env.seed, 'pai', 'experiment-ids');
  }

  #require(id: string): ExperimentRecord {
    this.sync();
    const experiment = this.#experiments.get(id);
    if (experiment === undefined)
      throw wireErrors.notFound(`Experiment ${id} does not exist or is not accessible.`);
    return experiment;
  }

  #trialRecord(experimentId: string, trialId: string): TrialRecord | undefined {
    const trial = this.#trials.get(trialId);
    return trial?.experimentId === experimentId ? trial : undefined;
  }

  /** After a change at `now`: launch into free slots from `now`, never earlier. */
  #refill(experiment: ExperimentRecord, now: number): void {
    reopen(experiment, now);
    advanceExperiment(experiment, now, this.#world);
  }

  #submit(experiment: ExperimentRecord, at: number, restart: RestartRequest | undefined): TrialRecord {
    const sequence = experiment.trialIds.length;
    const plan = planTrial({
      seed: this.#env.seed,
      experimentId: experiment.id,
      sequence,
      generatedIndex: experiment.generated,
      spec: experiment.spec,
      hyperparams: restart?.hyperparams,
      submittedAt: at,
      options: this.#env.simulation,
    });
    if (restart === undefined) experiment.generated += 1;
    const ids = deriveRng(this.#env.seed, 'pai', 'trial-ids', experiment.id, sequence);
    let id = paiId(ids, 6);
    while (this.#usedTrialIds.has(id)) id = paiId(ids, 6);
    this.#usedTrialIds.add(id);
    const trial: TrialRecord = {
      id,
      experimentId: experiment.id,
      nniTrialId: nniTrialId(ids),
      sequence,
      hyperparams: plan.hyperparams,
      createdAt: at,
      runStartAt: plan.runStartAt,
      plannedEndAt: plan.plannedEndAt,
      plannedOutcome: plan.outcome,
      reports: plan.reports,
      final: plan.final,
      restartOf: restart?.restartOf,
      endedAt: undefined,
      endStatus: undefined,
    };
    this.#trials.set(id, trial);
    experiment.trialIds.push(id);
    return trial;
  }

  #newId(): string {
    let id = paiId(this.#ids, 7);
    while (this.#usedIds.has(id)) id = paiId(this.#ids, 7);
    this.#usedIds.add(id);
    return id;
  }
}
