/**
 * `experiments.wait`: poll an experiment (one `get` per poll) until it has ended. A failed or
 * stopped experiment resolves like a completed one: what to make of it is the caller's call.
 */
import type { ProviderId } from '../errors.js';
import type { CallOptions } from '../http/call-options.js';
import { ENDED_EXPERIMENT_STATUSES, type Experiment } from '../types.js';
import { type PollOptions, poller } from './poll.js';

/** Options of `experiments.wait`: how to poll, and a callback per poll. */
export interface WaitOptions<ExperimentRaw = unknown, TrialRaw = unknown> extends PollOptions {
  /** Called with the experiment after every poll, the last one included. */
  onProgress?: ((experiment: Experiment<ExperimentRaw, TrialRaw>) => void) | undefined;
}

export type GetExperiment<ExperimentRaw = unknown, TrialRaw = unknown> = (
  id: string,
  options?: CallOptions,
) => Promise<Experiment<ExperimentRaw, TrialRaw>>;

export async function waitForExperiment<ExperimentRaw, TrialRaw>(
  provider: ProviderId,
  get: GetExperiment<ExperimentRaw, TrialRaw>,
  id: string,
  options: WaitOptions<ExperimentRaw, TrialRaw> = {},
): Promise<Experiment<ExperimentRaw, TrialRaw>> {
  const poll = poller({ provider, operation: 'experiments.wait', subject: `Experiment ${id}` }, options);
  for (;;) {
    const experiment = await poll((call) => get(id, call));
    options.onProgress?.(experiment);
    if (ENDED_EXPERIMENT_STATUSES.has(experiment.status)) return experiment;
  }
}
