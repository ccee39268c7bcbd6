/**
 * `experiments.summarize`: what an experiment achieved, how long it took and what it used, the
 * same shape on every cloud. A value the cloud reports is used as reported; every other one is
 * computed from one walk of the trials and named in `derived`.
 */
import { InvalidArgumentError, type ProviderId } from '../errors.js';
import type { CallOptions } from '../http/call-options.js';
import type { Paginated } from '../paginate.js';
import { beats, exclusionOf } from '../ranking.js';
import {
  ENDED_EXPERIMENT_STATUSES,
  ENDED_TRIAL_STATUSES,
  type Experiment,
  type ObjectiveDirection,
  type Trial,
  type TrialCounts,
} from '../types.js';

/** A field of {@link ExperimentSummary} that crosstune may compute rather than read. */
export type SummaryField =
  | 'bestTrial'
  | 'trialCounts'
  | 'firstTrialAt'
  | 'lastTrialEndedAt'
  | 'durationSeconds'
  | 'trialSeconds'
  | 'billableSeconds';

/** What `experiments.summarize` returns: an experiment's outcome, counts and time, with `derived` naming what was computed. */
export interface ExperimentSummary<ExperimentRaw = unknown, TrialRaw = unknown> {
  /** The experiment as `experiments.get` returns it. */
  experiment: Experiment<ExperimentRaw, TrialRaw>;
  /** The cloud's best trial where it names one; else the best ended, non-failed trial with a finite objective. */
  bestTrial: Trial<TrialRaw> | undefined;
  trialCounts: TrialCounts;
  /** When the earliest trial started (or was created, where the cloud keeps no start time). */
  firstTrialAt: Date | undefined;
  /** When the last ended trial ended. */
  lastTrialEndedAt: Date | undefined;
  /**
   * Wall-clock seconds of the experiment: the cloud's own run time where it reports one (so far,
   * while it runs); else from its start to its end, once it has ended.
   */
  durationSeconds: number | undefined;
  /** The trials' `usage.durationSeconds` added up (trials without one add nothing). */
  trialSeconds: number | undefined;
  /** The trials' `usage.billableSeconds` added up, per instance as each cloud counts it. */
  billableSeconds: number | undefined;
  /** Every field above that crosstune computed rather than read from the cloud. */
  derived: SummaryField[];
}

export interface SummarizeOptions<TrialRaw = unknown> extends CallOptions {
  /**
   * Called with every trial of the walk the summary is computed from, in listing order: a caller
   * that also needs the trials (a comparison, an export) gets them from the same walk.
   */
  onTrial?: ((trial: Trial<TrialRaw>) => void) | undefined;
  /**
   * The experiment as this provider's `experiments.get` just returned it: summarize then reads
   * only the trials. It must be the experiment summarized (same provider and id). For a caller
   * that has read the experiment anyway (to check its objective, say) and wants the summary to
   * describe that same reading. Typed loosely so any provider's options accept it; the check
   * makes its raw answer this provider's.
   */
  experiment?: Experiment | undefined;
}

/** What a cloud reports about a whole experiment, read from its answer; absent: not reported. */
export interface ReportedTotals<TrialRaw = unknown> {
  bestTrial?: Trial<TrialRaw> | undefined;
  trialCounts?: TrialCounts | undefined;
  durationSeconds?: number | undefined;
}

/** How one cloud feeds a summary: the experiment (one request), its trials, and what it reports. */
export interface SummarySource<ExperimentRaw = unknown, TrialRaw = unknown> {
  get(id: string, options?: CallOptions): Promise<Experiment<ExperimentRaw, TrialRaw>>;
  /** Every trial, listed with the experiment just read (so its objective names the trials'). */
  all(experiment: Experiment<ExperimentRaw, TrialRaw>, options?: CallOptions): Paginated<Trial<TrialRaw>>;
  reported(experiment: Experiment<ExperimentRaw, TrialRaw>): ReportedTotals<TrialRaw>;
}

export async function summarizeExperiment<ExperimentRaw, TrialRaw>(
  provider: ProviderId,
  source: SummarySource<ExperimentRaw, TrialRaw>,
  id: string,
  options: SummarizeOptions<TrialRaw> = {},
): Promise<ExperimentSummary<ExperimentRaw, TrialRaw>> {
  const { onTrial, experiment: given, ...call } = options;
  if (given !== undefined && (given.provider !== provider || given.id !== id)) {
    throw new InvalidArgumentError(
      `options.experiment is ${given.provider} experiment ${given.id}, not ${provider} experiment ${id}: summarize takes the experiment it summarizes`,
    );
  }
  const experiment =
    (given as Experiment<ExperimentRaw, TrialRaw> | undefined) ?? (await source.get(id, call));
  const tally = new TrialTally<TrialRaw>(experiment.objective?.direction);
  for await (const trial of source.all(experiment, call)) {
    tally.add(trial);
    onTrial?.(trial);
  }
  return tally.summary(experiment, source.reported(experiment));
}

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

/** Everything a summary needs from the trials, gathered one trial at a time (no trial is kept but the best). */
export class TrialTally<TrialRaw = unknown> {
  readonly #direction: ObjectiveDirection | undefined;
  readonly #counts: TrialCounts = {};
  #total = 0;
  #best: Trial<TrialRaw> | undefined;
  #bestValue: number | undefined;
  #first: number | undefined;
  #lastEnd: number | undefined;
  #trialSeconds: number | undefined;
  #billableSeconds: number | undefined;

  constructor(direction: ObjectiveDirection | undefined) {
    this.#direction = direction;
  }

  add(trial: Trial<TrialRaw>): void {
    this.#counts[trial.status] = (this.#counts[trial.status] ?? 0) + 1;
    this.#total++;
    const value = trial.objective?.value;
    if (
      this.#direction !== undefined &&
      value !== undefined &&
      exclusionOf(trial, value) === undefined &&
      beats(value, this.#bestValue, this.#direction)
    ) {
      this.#best = trial;
      this.#bestValue = value;
    }
    const start = (trial.startedAt ?? trial.createdAt)?.getTime();
    if (start !== undefined && !(start >= (this.#first ?? Number.POSITIVE_INFINITY))) this.#first = start;
    const end = ENDED_TRIAL_STATUSES.has(trial.status) ? trial.endedAt?.getTime() : undefined;
    if (end !== undefined && !(end <= (this.#lastEnd ?? Number.NEGATIVE_INFINITY))) this.#lastEnd = end;
    const usage = trial.usage;
    if (usage?.durationSeconds !== undefined) {
      this.#trialSeconds = (this.#trialSeconds ?? 0) + usage.durationSeconds;
    }
    if (usage?.billableSeconds !== undefined) {
      this.#billableSeconds = (this.#billableSeconds ?? 0) + usage.billableSeconds;
    }
  }

  summary<ExperimentRaw>(
    experiment: Experiment<ExperimentRaw, TrialRaw>,
    reported: ReportedTotals<TrialRaw>,
  ): ExperimentSummary<ExperimentRaw, TrialRaw> {
    const derived: SummaryField[] = [];
    const pick = <T>(field: SummaryField, read: T | undefined, computed: T | undefined): T | undefined => {
      if (read !== undefined) return read;
      if (computed !== undefined) derived.push(field);
      return computed;
    };
    const firstTrialAt = this.#first === undefined ? undefined : new Date(this.#first);
    const lastTrialEndedAt = this.#lastEnd === undefined ? undefined : new Date(this.#lastEnd);
    const start = experiment.startedAt ?? experiment.createdAt ?? firstTrialAt;
    const end = ENDED_EXPERIMENT_STATUSES.has(experiment.status)
      ? (experiment.endedAt ?? lastTrialEndedAt)
      : undefined;
    return {
      experiment,
      bestTrial: pick('bestTrial', reported.bestTrial, this.#best),
      trialCounts: pick('trialCounts', reported.trialCounts, { ...this.#counts, total: this.#total }) ?? {},
      firstTrialAt: pick('firstTrialAt', undefined, firstTrialAt),
      lastTrialEndedAt: pick('lastTrialEndedAt', undefined, lastTrialEndedAt),
      durationSeconds: pick(
        'durationSeconds',
        reported.durationSeconds,
        start && end ? Math.max(0, seconds(start, end)) : undefined,
      ),
      trialSeconds: pick('trialSeconds', undefined, this.#trialSeconds),
      billableSeconds: pick('billableSeconds', undefined, this.#billableSeconds),
      derived,
    };
  }
}
