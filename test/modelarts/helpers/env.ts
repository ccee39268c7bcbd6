/**
 * Set-up for the ModelArts adapter's end-to-end tests: the real adapter (signer, transport,
 * schemas, normalizer) against ModelArts fakes at the HTTP boundary, through one msw server.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { choice, type ExperimentSpec, float, space } from '../../../src/index.js';
import { type ModelArtsExperimentOptions, modelarts } from '../../../src/providers/modelarts/index.js';
import { FAKE_HUAWEI_CREDENTIALS, type ModelArtsFake } from '../../../src/testing/index.js';

/** One msw server for the test file; handlers added by a test and the fakes' state reset after it. */
export function useFakeServer(...fakes: ModelArtsFake[]) {
  const server = setupServer(...fakes.flatMap((fake) => fake.handlers));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    for (const fake of fakes) fake.reset();
  });
  afterAll(() => server.close());
  return server;
}

/** The adapter as an application would build it against `fake`, with fast retries. */
export const client = (fake: ModelArtsFake, extra: Partial<Parameters<typeof modelarts>[0]> = {}) =>
  modelarts({
    region: fake.region,
    endpoint: fake.endpoint,
    iamEndpoint: fake.iamEndpoint,
    projectId: fake.projectId,
    credentials: FAKE_HUAWEI_CREDENTIALS,
    retry: { baseDelayMs: 1 },
    ...extra,
  });

/** A search a ModelArts fake runs: two hyperparameters, the reward read from the training log. */
export const experimentSpec = (name: string, maxTrials = 8): ExperimentSpec<ModelArtsExperimentOptions> => ({
  name,
  objective: { metric: 'acc', direction: 'maximize' },
  searchSpace: space({
    batch_size: choice([16, 32, 64]),
    learning_rate: float(0.001, 0.1),
  }),
  limits: { maxTrials, maxParallelTrials: 4 },
  providerOptions: {
    codeDir: '/bucket/code/',
    bootFile: '/bucket/code/train.py',
    engine: { engine_name: 'PyTorch', engine_version: 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64' },
    flavorId: 'modelarts.p3.large.public.free',
    rewardRegex: 'acc=([0-9.]+)',
  },
});

/** Advances the fake's clock a minute at a time until one of the job's trials runs; its id. */
export function runningTrial(fake: ModelArtsFake, jobId: string): string {
  for (let minute = 0; minute < 120; minute++) {
    fake.clock.advance(60_000);
    fake.state.sync();
    const now = fake.clock.now();
    const running = fake.state.trialsOf(jobId).find((t) => t.runStartAt <= now && t.endedAt === undefined);
    if (running) return running.id;
  }
  throw new Error('no running trial');
}
