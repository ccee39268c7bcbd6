/**
 * What `experiments.create` adds to the experiment it reads back, on every cloud: the losses of
 * compiling the given search space for the cloud. When the cloud's answer shows no search space
 * (a create answer that omits it), the spec given stands in for it, with nothing lost reading it.
 */
import type { Loss } from '../search-space/loss.js';
import type { Experiment, ExperimentSpec } from './types.js';

export function withCompileLosses<E extends Experiment<unknown>>(
  experiment: E,
  spec: ExperimentSpec<unknown>,
  compileLosses: readonly Loss[],
): E {
  if (experiment.searchSpace) experiment.searchSpace.compileLosses = compileLosses;
  else if (spec.searchSpace) experiment.searchSpace = { spec: spec.searchSpace, losses: [], compileLosses };
  return experiment;
}
