/**
 * What every provider offers beyond reading and writing one object: a summary of an experiment,
 * waiting for it to end, and watching it progress. Written once here; a provider supplies how
 * its cloud is read (`ProgressSource`).
 */
import type { ProviderId } from '../errors.js';
import {
  type ExperimentSummary,
  type SummarizeOptions,
  type SummarySource,
  summarizeExperiment,
} from './summarize.js';
import { type WaitOptions, waitForExperiment } from './wait.js';
import { type ExperimentEvent, type WatchOptions, type WatchSource, watchExperiment } from './watch.js';

export type ProgressSource = SummarySource & WatchSource;

export interface ProgressMethods {
  summarize(id: string, options?: SummarizeOptions): Promise<ExperimentSummary>;
  wait(id: string, options?: WaitOptions): ReturnType<typeof waitForExperiment>;
  watch(id: string, options?: WatchOptions): AsyncIterable<ExperimentEvent>;
}

export function progressMethods(provider: ProviderId, source: ProgressSource): ProgressMethods {
  return {
    summarize: (id, options) => summarizeExperiment(source, id, options),
    wait: (id, options) =>
      waitForExperiment(provider, (experimentId, call) => source.get(experimentId, call), id, options),
    watch: (id, options) => watchExperiment(provider, source, id, options),
  };
}
