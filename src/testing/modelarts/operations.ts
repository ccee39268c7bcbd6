/** Every operation by its SDK name. */
import type { Operation } from './context.js';
import { IAM_OPERATIONS } from './iam.js';
import { JOB_OPERATIONS } from './operations-jobs.js';
import { OTHER_OPERATIONS } from './operations-other.js';
import { TRIAL_OPERATIONS } from './operations-trials.js';
import type { IamOperation, ModelArtsOperation } from './routes.js';

export const OPERATIONS: Readonly<Record<ModelArtsOperation | IamOperation, Operation>> = {
  ...JOB_OPERATIONS,
  ...TRIAL_OPERATIONS,
  ...OTHER_OPERATIONS,
  ...IAM_OPERATIONS,
};
