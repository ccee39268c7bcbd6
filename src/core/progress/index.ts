/**
 * What every provider offers beyond reading and writing one object: a summary of an experiment,
 * waiting for it to end, and watching it progress. Written once here; a provider supplies how
 * its cloud is read (`ProgressSource`).
 */
import type { ProviderId } from '../errors.js';
import type { Experiment } from '../types.js';
import {
  type ExperimentSummary,
  type SummarizeOptions,
  type SummarySource,
  summarizeExperiment,
} from './summarize.js';
import { type WaitOptions, waitForExperiment } from './wait.js';
import { type ExperimentEvent, type WatchOptions, type WatchSource, watchExperiment } from './watch.js';

export type ProgressSource<ExperimentRaw = unknown, TrialRaw = unknown> = SummarySource<
  ExperimentRaw,
  TrialRaw
> &
  WatchSource<ExperimentRaw, TrialRaw>;

export interface ProgressMethods<ExperimentRaw = unknown, TrialRaw = unknown> {
  summarize(
    id: string,
    options?: SummarizeOptions<TrialRaw>,
  ): Promise<ExperimentSummary<ExperimentRaw, TrialRaw>>;
  wait(
    id: string,
    options?: WaitOptions<ExperimentRaw, TrialRaw>,
  ): Promise<Experiment<ExperimentRaw, TrialRaw>>;
  watch(id: string, options?: WatchOptions): AsyncIterable<ExperimentEvent<ExperimentRaw, TrialRaw>>;
}

export function progressMethods<ExperimentRaw, TrialRaw>(
  provider: ProviderId,
  source: ProgressSource<ExperimentRaw, TrialRaw>,
): ProgressMethods<ExperimentRaw, TrialRaw> {
  return {
    summarize: (id, options) => summarizeExperiment(provider, source, id, options),
    wait: (id, options) =>
      waitForExperiment(provider, (experimentId, call) => source.get(experimentId, call), id, options),
    watch: (id, options) => watchExperiment(provider, source, id, options),
  };
}
