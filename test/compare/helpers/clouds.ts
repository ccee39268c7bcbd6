/**
 * The same experiment run to its end on SageMaker, PAI and ModelArts: the real adapters against
 * the clouds' fakes, msw at the HTTP boundary, `experiments.wait` on each fake's virtual clock.
 * What a comparison (and a report of it) is made from in tests.
 */
import { setupServer } from 'msw/node';
import { CLOUDS } from '../../../src/cli/demo/clouds.js';
import type { CompareRun } from '../../../src/compare/index.js';
import { choice, type ExperimentSpec, float, int, space } from '../../../src/index.js';
import type { LoggedRequest } from '../../../src/testing/index.js';

export const SPEC: Omit<ExperimentSpec, 'providerOptions'> = {
  name: 'compare-test',
  objective: { metric: 'validation:auc', direction: 'maximize' },
  searchSpace: space({
    eta: float(0.01, 0.5, { log: true }),
    max_depth: int(3, 10),
    subsample: float(0.5, 1),
    booster: choice(['gbtree', 'dart']),
  }),
  limits: { maxTrials: 12, maxParallelTrials: 3 },
};

export interface CloudRuns {
  /** One run per cloud, labelled by the cloud's name, each experiment ended. */
  runs: CompareRun[];
  /** The operations each cloud's fake has been sent so far, by the run's label. */
  operations(label: string): string[];
  /** Stops serving the fakes. */
  close(): void;
}

export async function runOnClouds(spec = SPEC, seed = 3): Promise<CloudRuns> {
  const started = CLOUDS.map((cloud) => {
    const fake = cloud.startFake(seed);
    return { cloud, fake, provider: cloud.provider(fake) };
  });
  const server = setupServer(...started.flatMap(({ fake }) => fake.handlers));
  server.listen({ onUnhandledFrame: 'error' });
  try {
    const runs: CompareRun[] = [];
    for (const { cloud, fake, provider } of started) {
      const created = await provider.experiments.create({ ...spec, providerOptions: cloud.providerOptions });
      await provider.experiments.wait(created.id, { scheduler: fake.clock, pollIntervalMs: 60_000 });
      runs.push({ provider, experimentId: created.id, label: cloud.name });
    }
    const operations = (label: string) =>
      (started.find(({ cloud }) => cloud.name === label)?.fake.requests ?? []).map(
        (request) => (request as LoggedRequest).operation ?? '',
      );
    return { runs, operations, close: () => server.close() };
  } catch (error) {
    server.close();
    throw error;
  }
}
