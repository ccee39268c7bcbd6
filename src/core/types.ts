/**
 * The neutral data model. Every normalized object carries `provider`, the cloud's own status
 * word (`providerStatus`) and the untouched answer (`raw`), so normalizing never loses anything.
 */
import type { Loss } from '../search-space/loss.js';
import type { SearchSpace } from '../search-space/types.js';
import type { ProviderId } from './errors.js';
import type { HyperParameterValue } from './values.js';

export type { HyperParameterValue, ProviderId };

/** An experiment's status on every cloud; a word the mapping does not know is `'unknown'`, never an error. */
export type ExperimentStatus =
  | 'pending'
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'completed'
  | 'failed'
  | 'deleting'
  | 'unknown';

/**
 * A trial's (and a training job's) status on every cloud; `early_stopped` is the tuner's stop,
 * `stopped` the user's. A word the mapping does not know is `'unknown'`.
 */
export type TrialStatus =
  | 'pending'
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'early_stopped'
  | 'completed'
  | 'failed'
  | 'unknown';

/** Trial statuses nothing follows: the trial will not run again, its results are final. */
export const ENDED_TRIAL_STATUSES: ReadonlySet<TrialStatus> = new Set<TrialStatus>([
  'completed',
  'failed',
  'stopped',
  'early_stopped',
]);

/** Experiment statuses nothing follows: the experiment will start no more trials. */
export const ENDED_EXPERIMENT_STATUSES: ReadonlySet<ExperimentStatus> = new Set<ExperimentStatus>([
  'completed',
  'failed',
  'stopped',
]);

/** Whether a lower or a higher objective value is better. */
export type ObjectiveDirection = 'minimize' | 'maximize';

/** The metric an experiment optimizes, named as the training code reports it, and its direction. */
export interface Objective {
  metric: string;
  direction: ObjectiveDirection;
}

/** One reported value of a metric; `final` marks the value the cloud ranks trials by. */
export interface MetricPoint {
  name: string;
  value: number;
  step?: number | undefined;
  timestamp?: Date | undefined;
  final?: boolean | undefined;
}

/** An experiment's budget: trials in all, trials at once, and its whole run time in seconds. */
export interface ExperimentLimits {
  maxTrials?: number | undefined;
  maxParallelTrials?: number | undefined;
  maxRuntimeSeconds?: number | undefined;
}

/** Trial counts by neutral status; `total` is what the cloud reports or the sum of the rest. */
export type TrialCounts = Partial<Record<TrialStatus, number>> & { total?: number | undefined };

/** `Raw`: the cloud's answer kept in `raw`; `TrialRaw`: the one `bestTrial` keeps. */
export interface Experiment<Raw = unknown, TrialRaw = unknown> {
  provider: ProviderId;
  /** What `get`, `stop`, `delete` and `trials.list` take: SageMaker's job name, PAI's ExperimentId, ModelArts' job id. */
  id: string;
  name: string;
  /** The cloud's full resource name where it has one (an ARN on SageMaker). */
  resourceName?: string | undefined;
  status: ExperimentStatus;
  /** The cloud's own status word, as it sent it (`InProgress`, `RUNNING`, …). */
  providerStatus: string;
  objective?: Objective | undefined;
  /** Search algorithm in the cloud's words (`Bayesian`, `TPE`, …). */
  algorithm?: string | undefined;
  limits: ExperimentLimits;
  trialCounts: TrialCounts;
  bestTrial?: Trial<TrialRaw> | undefined;
  searchSpace?: ExperimentSearchSpace | undefined;
  createdAt?: Date | undefined;
  startedAt?: Date | undefined;
  endedAt?: Date | undefined;
  updatedAt?: Date | undefined;
  failureReason?: string | undefined;
  /** The cloud's answer the experiment was read from, as its wire schema checked it. */
  raw: Raw;
}

/** A search space read back from a cloud: the neutral form plus what could not be expressed in it. */
export interface ExperimentSearchSpace {
  spec: SearchSpace;
  /** What reading the cloud's form into the neutral one lost. */
  losses: readonly Loss[];
  /** Only on the experiment `create` returns: what compiling the given spec for the cloud lost. */
  compileLosses?: readonly Loss[] | undefined;
}

/** A trial's final objective value; `metric` is the experiment's name for it. */
export interface TrialObjective {
  metric?: string | undefined;
  value: number;
}

/** A field of {@link TrialUsage} that holds a number or a name. */
export type UsageField = 'durationSeconds' | 'billableSeconds' | 'instanceType' | 'instanceCount';

/**
 * What a trial ran on and for how long, as far as its cloud says. Absent fields are unknown,
 * never guessed; `derived` names the fields crosstune computed (e.g. a duration from start and
 * end times) rather than read from a field the cloud reports.
 */
export interface TrialUsage {
  /** Wall-clock seconds the trial ran. */
  durationSeconds?: number | undefined;
  /** Seconds the cloud bills for each instance (multiply by `instanceCount` for instance-seconds). */
  billableSeconds?: number | undefined;
  instanceType?: string | undefined;
  instanceCount?: number | undefined;
  derived: readonly UsageField[];
}

/**
 * One set of hyperparameters the tuner tried, normalized; `Raw` is the cloud's answer kept in
 * `raw` (`unknown` unless the provider names its wire type).
 */
export interface Trial<Raw = unknown> {
  provider: ProviderId;
  id: string;
  experimentId: string;
  name?: string | undefined;
  status: TrialStatus;
  providerStatus: string;
  hyperParameters: Record<string, HyperParameterValue>;
  /**
   * The final value of the experiment's objective, named as the experiment names it (the cloud's
   * own key for it stays in `metrics` and `raw`); absent while the trial has not reported one.
   */
  objective?: TrialObjective | undefined;
  /** Every metric value the cloud reported for this trial, in the order given, under the cloud's own names. */
  metrics: MetricPoint[];
  createdAt?: Date | undefined;
  startedAt?: Date | undefined;
  endedAt?: Date | undefined;
  /** Run time, billing and instances, where the cloud gives anything to read or derive them from. */
  usage?: TrialUsage | undefined;
  failureReason?: string | undefined;
  raw: Raw;
}

/**
 * A training job an experiment ran, with the job's own name and `trialId` linking it to its trial
 * where the cloud tells the two apart; `Raw` as in {@link Trial}.
 */
export interface TrainingJob<Raw = unknown> {
  provider: ProviderId;
  id: string;
  name: string;
  experimentId: string;
  trialId?: string | undefined;
  status: TrialStatus;
  providerStatus: string;
  hyperParameters: Record<string, HyperParameterValue>;
  metrics: MetricPoint[];
  createdAt?: Date | undefined;
  startedAt?: Date | undefined;
  endedAt?: Date | undefined;
  usage?: TrialUsage | undefined;
  failureReason?: string | undefined;
  raw: Raw;
}

/**
 * The cloud answers a provider's objects keep in `raw`, by kind. Each cloud's provider names its
 * own (`SageMakerRaw`, `PaiRaw`, `ModelArtsRaw`); code that does not care which cloud it has uses
 * this default, where every `raw` is `unknown`.
 */
export interface RawTypes {
  experiment: unknown;
  trial: unknown;
  trainingJob: unknown;
}

/** What `experiments.create` needs, cloud-neutral; cloud-only settings go in `providerOptions`. */
export interface ExperimentSpec<ProviderOptions = unknown> {
  name: string;
  objective: Objective;
  /** A neutral search space (see `space()`); a provider may also accept its own dialect in `providerOptions`. */
  searchSpace?: SearchSpace | undefined;
  algorithm?: string | undefined;
  limits: ExperimentLimits & { maxTrials: number; maxParallelTrials: number };
  /** Fail instead of creating when the search space cannot be expressed exactly on this cloud. */
  strictSearchSpace?: boolean | undefined;
  providerOptions?: ProviderOptions | undefined;
}

/** Ascending or descending. */
export type SortOrder = 'asc' | 'desc';

/** What every listing takes: the page size and a cursor to resume from. */
export interface ListQuery {
  /** Items per request; each cloud caps it (SageMaker 100). */
  pageSize?: number | undefined;
  /** Resume a walk where an earlier page's `cursor` left off. */
  cursor?: string | undefined;
}

/**
 * Filters and order for `experiments.list`, sent to the cloud; a status the cloud has no word for
 * (e.g. `pending` on SageMaker) gives an empty listing.
 */
export interface ExperimentQuery extends ListQuery {
  status?: ExperimentStatus | undefined;
  nameContains?: string | undefined;
  createdAfter?: Date | undefined;
  createdBefore?: Date | undefined;
  sortBy?: 'name' | 'createdAt' | 'status' | undefined;
  sortOrder?: SortOrder | undefined;
}

/** Filters and order for `trials.list`. */
export interface TrialQuery extends ListQuery {
  status?: TrialStatus | undefined;
  /** `objective` orders by the final objective; trials without one come after all others. */
  sortBy?: 'name' | 'createdAt' | 'status' | 'objective' | undefined;
  sortOrder?: SortOrder | undefined;
}

/** Filters and order for `trainingJobs.list`: the same as for trials. */
export type TrainingJobQuery = TrialQuery;
