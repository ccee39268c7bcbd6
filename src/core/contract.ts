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
  TrainingJob,
  TrainingJobQuery,
  Trial,
  TrialQuery,
} from './types.js';

/** How a cloud supports an operation: natively, emulated on top of other calls, or not at all. */
export type Support = 'native' | 'emulated' | 'unsupported';

export interface Capabilities {
  experiments: { create: Support; get: Support; list: Support; stop: Support; delete: Support };
  trials: { list: Support; get: Support; stop: Support };
  trainingJobs: { list: Support };
  /** Free-text notes, e.g. how an emulated operation works. */
  notes: readonly string[];
}

export interface TuningProvider<ProviderOptions = unknown> {
  readonly id: ProviderId;
  readonly capabilities: Capabilities;
  readonly experiments: {
    create(spec: ExperimentSpec<ProviderOptions>, options?: CallOptions): Promise<Experiment>;
    get(id: string, options?: CallOptions): Promise<Experiment>;
    list(query?: ExperimentQuery, options?: CallOptions): Paginated<Experiment>;
    stop(id: string, options?: CallOptions): Promise<void>;
    delete(id: string, options?: CallOptions): Promise<void>;
    /**
     * The experiment with its best trial, trial counts, timing and billing, from one `get` and
     * one walk of its trials; `derived` names what crosstune computed rather than read.
     */
    summarize(id: string, options?: SummarizeOptions): Promise<ExperimentSummary>;
    /**
     * Resolves with the experiment once it has ended — completed, failed or stopped alike —
     * polling `get` at growing intervals; `timeoutMs` ends it with a TimeoutError, `signal` with
     * an AbortError.
     */
    wait(id: string, options?: WaitOptions): Promise<Experiment>;
    /** The experiment's progress as events (status, trials started and ended, new best), until it ends. */
    watch(id: string, options?: WatchOptions): AsyncIterable<ExperimentEvent>;
  };
  readonly trials: {
    list(experimentId: string, query?: TrialQuery, options?: CallOptions): Paginated<Trial>;
    get(experimentId: string, trialId: string, options?: CallOptions): Promise<Trial>;
    stop(experimentId: string, trialId: string, options?: CallOptions): Promise<void>;
  };
  readonly trainingJobs: {
    list(experimentId: string, query?: TrainingJobQuery, options?: CallOptions): Paginated<TrainingJob>;
  };
}
