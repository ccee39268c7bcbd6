import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type SageMakerFake, type SageMakerFakeOptions, sagemakerFake } from '../../../src/testing/index.js';

/** Serves the fakes through one msw server for the test file; unknown requests fail the test. */
export function useFakes(...fakes: SageMakerFake[]): void {
  const server = setupServer(...fakes.flatMap((f) => f.handlers));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    for (const fake of fakes) fake.reset();
  });
  afterAll(() => server.close());
}

export function useSageMakerFake(options?: SageMakerFakeOptions): SageMakerFake {
  const fake = sagemakerFake(options);
  useFakes(fake);
  return fake;
}
