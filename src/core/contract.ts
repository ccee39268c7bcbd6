/**
 * The contract every cloud adapter implements. It is deliberately small: anything a cloud can
 * do beyond it stays reachable through the adapter's `.api` operations client.
 */
import type { CallOptions } from './http/call-options.js';
import type { Paginated } from './paginate.js';
import type { ExperimentSummary, SummarizeOptions } from './progress/summarize.js';
import type { WaitOptions } from './progress/wait.js';
import type { ExperimentEvent, WatchOptions } from './progress/watch.js';
import type {
  Experiment,
  ExperimentQuery,
  ExperimentSpec,
  ProviderId,
  RawTypes,
  TrainingJob,
  TrainingJobQuery,
  Trial,
  TrialQuery,
} from './types.js';

/** How a cloud supports an operation: natively, emulated on top of other calls, or not at all. */
export type Support = 'native' | 'emulated' | 'unsupported';

/** Per operation, how this cloud supports it; an `unsupported` one throws UnsupportedOperationError. */
export interface Capabilities {
  experiments: { create: Support; get: Support; list: Support; stop: Support; delete: Support };
  trials: { list: Support; get: Support; stop: Support };
  trainingJobs: { list: Support };
  /** Free-text notes, e.g. how an emulated operation works. */
  notes: readonly string[];
}

/**
 * One cloud, neutral. `ProviderOptions` is what its `create` takes beyond the neutral spec; `Raw`
 * the cloud answers its objects carry in `raw` (each cloud's provider names them; the defaults
 * leave them `unknown` for code that works with any cloud).
 */
export interface TuningProvider<ProviderOptions = unknown, Raw extends RawTypes = RawTypes> {
  readonly id: ProviderId;
  readonly capabilities: Capabilities;
  readonly experiments: {
    /**
     * Creates the experiment and starts tuning; the result carries the cloud's answer and, under
     * `searchSpace.compileLosses`, what translating the search space for this cloud lost.
     */
    create(
      spec: ExperimentSpec<ProviderOptions>,
      options?: CallOptions,
    ): Promise<Experiment<Raw['experiment'], Raw['trial']>>;
    /** The experiment by id (the cloud's name or id for it); NotFoundError when there is none. */
    get(id: string, options?: CallOptions): Promise<Experiment<Raw['experiment'], Raw['trial']>>;
    /** Every experiment matching the query, fetched page by page as it is iterated. */
    list(
      query?: ExperimentQuery,
      options?: CallOptions,
    ): Paginated<Experiment<Raw['experiment'], Raw['trial']>>;
    /** Asks the cloud to stop the experiment; resolves once it accepted (the experiment may still be stopping). */
    stop(id: string, options?: CallOptions): Promise<void>;
    /** Deletes the experiment; a delete whose answer was lost after the cloud acted still resolves. */
    delete(id: string, options?: CallOptions): Promise<void>;
    /**
     * The experiment with its best trial, trial counts, timing and billing, from one `get` and
     * one walk of its trials; `derived` names what crosstune computed rather than read.
     */
    summarize(
      id: string,
      options?: SummarizeOptions<Raw['trial']>,
    ): Promise<ExperimentSummary<Raw['experiment'], Raw['trial']>>;
    /**
     * Resolves with the experiment once it has ended — completed, failed or stopped alike —
     * polling `get` at growing intervals; `timeoutMs` ends it with a TimeoutError, `signal` with
     * an AbortError.
     */
    wait(
      id: string,
      options?: WaitOptions<Raw['experiment'], Raw['trial']>,
    ): Promise<Experiment<Raw['experiment'], Raw['trial']>>;
    /** The experiment's progress as events (status, trials started and ended, new best), until it ends. */
    watch(
      id: string,
      options?: WatchOptions,
    ): AsyncIterable<ExperimentEvent<Raw['experiment'], Raw['trial']>>;
  };
  readonly trials: {
    /** The experiment's trials matching the query, page by page as iterated. */
    list(experimentId: string, query?: TrialQuery, options?: CallOptions): Paginated<Trial<Raw['trial']>>;
    /** One trial of the experiment; NotFoundError when there is none. */
    get(experimentId: string, trialId: string, options?: CallOptions): Promise<Trial<Raw['trial']>>;
    /** Stops one trial where the cloud can (UnsupportedOperationError on SageMaker). */
    stop(experimentId: string, trialId: string, options?: CallOptions): Promise<void>;
  };
  readonly trainingJobs: {
    /** The training jobs the experiment ran, page by page as iterated. */
    list(
      experimentId: string,
      query?: TrainingJobQuery,
      options?: CallOptions,
    ): Paginated<TrainingJob<Raw['trainingJob']>>;
  };
}

/**
 * A cloud's own provider, as each factory returns it: the neutral contract with that cloud's
 * raw types, plus its region and its operations client (`.api`), one method per cloud operation.
 */
export interface CloudProvider<Id extends ProviderId, ProviderOptions, Raw extends RawTypes, Api>
  extends TuningProvider<ProviderOptions, Raw> {
  readonly id: Id;
  readonly region: string;
  readonly api: Api;
}
