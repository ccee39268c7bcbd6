/**
 * List an experiment's trials on one cloud, normalized: the best five by objective, with their
 * hyperparameters and what they ran on. Every trial keeps the cloud's own answer in `raw`.
 *
 *   AWS_REGION=us-east-1 node --import tsx examples/list-trials.ts <tuning-job-name>
 */
import { sagemaker } from 'crosstune/sagemaker';

const [experimentId = 'xgb-tune'] = process.argv.slice(2);
// Credentials: the AWS default chain (environment, profile, SSO, instance role).
const cloud = sagemaker({
  region: process.env.AWS_REGION ?? 'us-east-1',
  endpoint: process.env.CROSSTUNE_SAGEMAKER_ENDPOINT, // unset: SageMaker's own endpoint
});

const best = await cloud.trials.list(experimentId, { sortBy: 'objective' }).toArray({ limit: 5 });
for (const trial of best) {
  const value = trial.objective ? `${trial.objective.metric}=${trial.objective.value}` : 'no objective yet';
  const ran =
    trial.usage?.durationSeconds === undefined ? '' : ` in ${Math.round(trial.usage.durationSeconds)} s`;
  console.log(`${trial.id}  ${trial.status}  ${value}${ran}  ${JSON.stringify(trial.hyperParameters)}`);
}

// Or every trial, page by page, as the cloud pages them:
let count = 0;
for await (const trial of cloud.trials.list(experimentId)) if (trial.raw) count++;
console.log(`${count} trials in all`);
