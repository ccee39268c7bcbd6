/** The shape of a comparison: what `compare` returns and every export is written from. */
import type { TuningProvider } from '../core/contract.js';
import type { CallOptions } from '../core/http/call-options.js';
import type { ExperimentSummary } from '../core/progress/summarize.js';
import type { ExclusionReason } from '../core/ranking.js';
import type {
  ExperimentStatus,
  HyperParameterValue,
  ObjectiveDirection,
  ProviderId,
  TrialStatus,
} from '../core/types.js';

/** One experiment to compare: a provider from any cloud's factory and the experiment's id. */
export interface CompareRun {
  // biome-ignore lint/suspicious/noExplicitAny: any cloud's provider, whatever its create options.
  provider: TuningProvider<any>;
  experimentId: string;
  /** How the run is named in every table (default `<cloud>:<experimentId>`); unique across runs. */
  label?: string | undefined;
}

/**
 * Runs whose objectives differ are compared only when the caller says how: under one `metric`
 * name and `direction`, each run's value read from its own objective, or from the metric named
 * for its label in `metrics` (a trial's final value of it).
 */
export interface ObjectiveMapping {
  metric: string;
  direction: ObjectiveDirection;
  /** Run label → the metric, as that run's cloud names it, that stands for `metric`. */
  metrics?: Readonly<Record<string, string>> | undefined;
}

export interface CompareOptions extends CallOptions {
  objective?: ObjectiveMapping | undefined;
  /** How close to the best value across all runs counts as reached: a fraction (default 0.01, 1 %). */
  tolerance?: number | undefined;
  /** Instance type → price per instance-hour, in one currency of your choosing. Nothing is priced without it. */
  prices?: Readonly<Record<string, number>> | undefined;
  /** Runs read at once (default 3). */
  concurrency?: number | undefined;
}

/** The objective the runs were compared by, and how each run's values were read. */
export interface ComparedObjective {
  metric: string;
  direction: ObjectiveDirection;
  /** `shared`: every run optimises this objective; `mapped`: the caller said which values stand for it. */
  rule: 'shared' | 'mapped';
  runs: { label: string; metric: string; direction: ObjectiveDirection | undefined }[];
}

/** One run's outcome: its best trial by the compared objective, how soon it got there, and cost. */
export interface RunResult {
  label: string;
  cloud: ProviderId;
  experimentId: string;
  experimentName: string;
  status: ExperimentStatus;
  providerStatus: string;
  /** As `experiments.summarize` returns it (its best trial by the cloud's rule, where it has one). */
  summary: ExperimentSummary;
  /** The best trial by the compared objective. */
  best: { trialId: string; value: number; hyperParameters: Record<string, HyperParameterValue> } | undefined;
  /** Trials, in the run's order, up to and including its best. */
  trialsToBest: number | undefined;
  /** Trials up to the first whose value is within tolerance of the best across all runs. */
  trialsToTolerance: number | undefined;
  /** Seconds from the run's start until a trial within tolerance of the best across all runs ended. */
  secondsToTolerance: number | undefined;
  /** Total cost of the priced trials; undefined when none could be priced (or no prices were given). */
  cost: number | undefined;
  /** Trials that could not be priced (each listed in `pricing.unpriced`). */
  unpricedTrials: number;
}

/** One trial of one run, as the comparison's tables show it. */
export interface TrialRow {
  run: string;
  cloud: ProviderId;
  experimentId: string;
  trialId: string;
  /** Position in the run's order, from 1. */
  index: number;
  status: TrialStatus;
  providerStatus: string;
  /** The compared objective's value, as reported (NaN and infinities kept). */
  objective: number | undefined;
  /** Why the trial takes no part in the ranking; undefined when it does. */
  excluded: ExclusionReason | undefined;
  hyperParameters: Record<string, HyperParameterValue>;
  startedAt: Date | undefined;
  endedAt: Date | undefined;
  durationSeconds: number | undefined;
  billableSeconds: number | undefined;
  instanceType: string | undefined;
  instanceCount: number | undefined;
  cost: number | undefined;
}

/** A step of a best-so-far curve: from this point on, `best` is the best value seen. */
export interface CurvePoint {
  /** Trial index (from 1) or seconds since the run started. */
  x: number;
  best: number;
  trialId: string;
}

/** One run's best-so-far curves, by trial and by time. */
export interface RunCurves {
  run: string;
  /** The best so far after each trial, in the run's order: a point where it changed, and the last trial. */
  byTrial: CurvePoint[];
  /** The same against seconds since the run started, at each trial's end (trials without an end time left out). */
  byTime: CurvePoint[];
}

/** How much of the objective's variation one hyperparameter explains in one run. */
export interface ParameterImportance {
  name: string;
  /** Share of the explained variation (the run's shares add up to 1 when any is above 0). */
  importance: number;
  /** ε², the fraction of the objective's variance this parameter alone explains (bias-corrected). */
  effect: number;
}

/** One run's parameter importance, most important first. */
export interface RunImportance {
  run: string;
  method: string;
  /** Ranked trials it was computed from; fewer than 3 gives no parameters. */
  trials: number;
  parameters: ParameterImportance[];
}

/** A trial left out of the ranking, and why. */
export interface ExcludedTrial {
  run: string;
  trialId: string;
  reason: ExclusionReason;
}

/** Why a trial has no cost: what it lacked. */
export type UnpricedReason = 'no-instance-type' | 'no-instance-count' | 'no-billable-time' | 'no-price';

/** The prices a comparison was given and the trials they could not price. */
export interface Pricing {
  prices: Readonly<Record<string, number>>;
  unpriced: { run: string; trialId: string; reason: UnpricedReason }[];
}

/** What `compare` returns: every export (`toCsv`, `toJson`, `toMarkdown`) is written from it. */
export interface Comparison {
  objective: ComparedObjective;
  tolerance: number;
  /** The best value across all runs. */
  bestValue: number | undefined;
  runs: RunResult[];
  trials: TrialRow[];
  /** Hyperparameter names across runs: search-space order first, then any others by name. */
  parameters: string[];
  curves: RunCurves[];
  importance: RunImportance[];
  excluded: ExcludedTrial[];
  /** Only when prices were given. */
  pricing: Pricing | undefined;
}
