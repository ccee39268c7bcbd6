/**
 * `experiments.watch`: the experiment's progress as events, polled as `wait` polls, ending once
 * the experiment has ended. Each trial yields one `trial-started` and, once it has ended, one
 * `trial-ended` (a trial that ended before the watch began yields both on the first poll). A
 * trial's `trial-ended` carries the objective it had then: a cloud that reports the objective
 * after the status (SageMaker may) shows it in a later `best`, at the latest on the final poll,
 * which reads every trial.
 */
import type { ProviderId } from '../errors.js';
import type { CallOptions } from '../http/call-options.js';
import type { Paginated } from '../paginate.js';
import { beats, exclusionOf } from '../ranking.js';
import {
  ENDED_EXPERIMENT_STATUSES,
  ENDED_TRIAL_STATUSES,
  type Experiment,
  type ExperimentStatus,
  type Trial,
  type TrialCounts,
  type TrialStatus,
} from '../types.js';
import { type PollOptions, poller } from './poll.js';

/** One event of `experiments.watch`, told apart by `type`; `at` is when the poll that saw it ran. */
export type ExperimentEvent<ExperimentRaw = unknown, TrialRaw = unknown> =
  /** The experiment's status changed (on the first poll: its status then, `previous` undefined). */
  | {
      type: 'status';
      at: Date;
      experiment: Experiment<ExperimentRaw, TrialRaw>;
      previous: ExperimentStatus | undefined;
    }
  | { type: 'trial-started'; at: Date; trial: Trial<TrialRaw> }
  /** The trial ended, with its final objective where it reported one. */
  | { type: 'trial-ended'; at: Date; trial: Trial<TrialRaw> }
  /** An ended, non-failed trial with a finite objective beat every earlier one. */
  | { type: 'best'; at: Date; trial: Trial<TrialRaw>; previous: Trial<TrialRaw> | undefined }
  /** After every poll: the experiment and the trials seen so far, by status. */
  | { type: 'poll'; at: Date; experiment: Experiment<ExperimentRaw, TrialRaw>; trials: TrialCounts };

/** Options of `experiments.watch`: how to poll. */
export type WatchOptions = PollOptions;

/** How one cloud is watched. */
export interface WatchSource<ExperimentRaw = unknown, TrialRaw = unknown> {
  get(id: string, options?: CallOptions): Promise<Experiment<ExperimentRaw, TrialRaw>>;
  /**
   * What the cloud reports about its trials as a whole (status counters, best trial): when it is
   * the same as at the last poll, no trial changed and none is read. Undefined: nothing reported.
   */
  fingerprint(experiment: Experiment<ExperimentRaw, TrialRaw>): string | undefined;
  /**
   * Trials newest first (by creation), listed with the experiment just read, when the cloud can
   * sort so: a poll then reads only down to the oldest trial that had not ended. Without it,
   * every poll that may have seen a change reads every trial.
   */
  newestFirst?(
    experiment: Experiment<ExperimentRaw, TrialRaw>,
    options?: CallOptions,
  ): Paginated<Trial<TrialRaw>>;
  all(experiment: Experiment<ExperimentRaw, TrialRaw>, options?: CallOptions): Paginated<Trial<TrialRaw>>;
}

export async function* watchExperiment<ExperimentRaw, TrialRaw>(
  provider: ProviderId,
  source: WatchSource<ExperimentRaw, TrialRaw>,
  id: string,
  options: WatchOptions = {},
): AsyncGenerator<ExperimentEvent<ExperimentRaw, TrialRaw>, void, undefined> {
  const poll = poller({ provider, operation: 'experiments.watch', subject: `Experiment ${id}` }, options);
  const scheduler = options.scheduler;
  const now = () => new Date(scheduler ? scheduler.now() : Date.now());
  const seen = new Map<string, TrialStatus>();
  let previous: Experiment<ExperimentRaw, TrialRaw> | undefined;
  let previousPrint: string | undefined;
  let best: Trial<TrialRaw> | undefined;

  /**
   * Reads the trials that may have changed: none when the cloud's own report did not move; the
   * newest down to the oldest still open where the cloud sorts by creation; else, and once the
   * experiment has ended (a trial's objective may come after its status), every trial.
   */
  const changedTrials = async (
    experiment: Experiment<ExperimentRaw, TrialRaw>,
    call: CallOptions,
  ): Promise<Trial<TrialRaw>[]> => {
    const print = source.fingerprint(experiment);
    const ended = ENDED_EXPERIMENT_STATUSES.has(experiment.status);
    if (previous && !ended && print !== undefined && print === previousPrint) return [];
    const open = new Set(
      [...seen].filter(([, status]) => !ENDED_TRIAL_STATUSES.has(status)).map(([key]) => key),
    );
    const incremental = seen.size > 0 && !ended && source.newestFirst !== undefined;
    const listing = incremental ? source.newestFirst!(experiment, call) : source.all(experiment, call);
    const trials: Trial<TrialRaw>[] = [];
    let reachedKnown = false;
    for await (const page of listing.pages()) {
      for (const trial of page.items) {
        trials.push(trial);
        open.delete(trial.id);
        reachedKnown ||= seen.has(trial.id);
      }
      // Newest first: every trial created since, and every one that was still open, is behind us.
      if (incremental && reachedKnown && open.size === 0) break;
    }
    previousPrint = print;
    return trials;
  };

  for (;;) {
    const { experiment, trials } = await poll(async (call) => {
      const experiment = await source.get(id, call);
      return { experiment, trials: await changedTrials(experiment, call) };
    });
    const at = now();
    if (previous?.status !== experiment.status) {
      yield { type: 'status', at, experiment, previous: previous?.status };
    }
    const direction = experiment.objective?.direction;
    const bestBefore = best;
    for (const trial of trials) {
      const before = seen.get(trial.id);
      seen.set(trial.id, trial.status);
      if (before === undefined) yield { type: 'trial-started', at, trial };
      if (
        ENDED_TRIAL_STATUSES.has(trial.status) &&
        // Stryker disable next-line ConditionalExpression: a trial not seen before has no status, which is no ended one: the right side says the same.
        (before === undefined || !ENDED_TRIAL_STATUSES.has(before))
      ) {
        yield { type: 'trial-ended', at, trial };
      }
      const value = trial.objective?.value;
      if (
        direction &&
        // Stryker disable next-line ConditionalExpression: exclusionOf excludes a trial without a value ('no-objective'); this only narrows the type.
        value !== undefined &&
        exclusionOf(trial, value) === undefined &&
        // Stryker disable next-line OptionalChaining: the best trial was chosen for its objective's value, so it has an objective.
        beats(value, best?.objective?.value, direction)
      ) {
        best = trial;
      }
    }
    if (best !== bestBefore && best) yield { type: 'best', at, trial: best, previous: bestBefore };
    const counts: TrialCounts = { total: seen.size };
    for (const status of seen.values()) counts[status] = (counts[status] ?? 0) + 1;
    yield { type: 'poll', at, experiment, trials: counts };
    previous = experiment;
    if (ENDED_EXPERIMENT_STATUSES.has(experiment.status)) return;
  }
}
