/** The 18 operations by action name. */
import type { Operation } from './context.js';
import { EXPERIMENT_OPERATIONS } from './operations-experiments.js';
import { OTHER_OPERATIONS } from './operations-other.js';
import { TRIAL_OPERATIONS } from './operations-trials.js';
import type { PaiAction } from './routes.js';

export const OPERATIONS: Readonly<Record<PaiAction, Operation>> = {
  ...EXPERIMENT_OPERATIONS,
  ...TRIAL_OPERATIONS,
  ...OTHER_OPERATIONS,
};
