/**
 * `experiments.wait`: poll an experiment (one `get` per poll) until it has ended. A failed or
 * stopped experiment resolves like a completed one: what to make of it is the caller's call.
 */
import type { ProviderId } from '../errors.js';
import type { CallOptions } from '../http/call-options.js';
import { ENDED_EXPERIMENT_STATUSES, type Experiment } from '../types.js';
import { type PollOptions, poller } from './poll.js';

export interface WaitOptions extends PollOptions {
  /** Called with the experiment after every poll, the last one included. */
  onProgress?: ((experiment: Experiment) => void) | undefined;
}

export type GetExperiment = (id: string, options?: CallOptions) => Promise<Experiment>;

export async function waitForExperiment(
  provider: ProviderId,
  get: GetExperiment,
  id: string,
  options: WaitOptions = {},
): Promise<Experiment> {
  const poll = poller({ provider, operation: 'experiments.wait', subject: `Experiment ${id}` }, options);
  for (;;) {
    const experiment = await poll((call) => get(id, call));
    options.onProgress?.(experiment);
    if (ENDED_EXPERIMENT_STATUSES.has(experiment.status)) return experiment;
  }
}
