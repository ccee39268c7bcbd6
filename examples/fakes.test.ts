/**
 * Test your own code against the fake clouds: the real adapter, over SageMaker's real wire
 * protocol, answered by msw in-process. Nothing leaves the machine, and the fake's clock makes
 * hours of tuning pass at once.
 *
 *   npx vitest run examples/fakes.test.ts
 */

import { sagemaker } from 'crosstune/sagemaker';
import { FAKE_AWS_CREDENTIALS, sagemakerFake } from 'crosstune/testing/sagemaker';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';

const fake = sagemakerFake({ seed: 1 });
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

// Your code: here, a function that reports a tuning job's best trial.
async function bestOf(jobName: string) {
  const cloud = sagemaker({ region: fake.region, credentials: FAKE_AWS_CREDENTIALS });
  const ended = await cloud.experiments.wait(jobName, { scheduler: fake.clock });
  return { status: ended.status, best: ended.bestTrial?.objective?.value };
}

it('reports the best trial once the tuning job has ended', async () => {
  // A tuning job in progress: its training jobs run as the fake's clock moves, which `wait` does.
  fake.state.seedTuningJob({ name: 'churn-tune', status: 'InProgress', maxNumberOfTrainingJobs: 8 });
  const result = await bestOf('churn-tune');
  expect(result.status).toBe('completed');
  expect(result.best).toBeGreaterThan(0.5);
});
