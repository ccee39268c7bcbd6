import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type ModelArtsFake, type ModelArtsFakeOptions, modelartsFake } from '../../../src/testing/index.js';

/** Serves the ModelArts fakes through one msw server for the test file; unknown requests fail the test. */
export function useModelArtsFakes(...fakes: ModelArtsFake[]): void {
  const server = setupServer(...fakes.flatMap((f) => f.handlers));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    for (const fake of fakes) fake.reset();
  });
  afterAll(() => server.close());
}

export function useModelArtsFake(options?: ModelArtsFakeOptions): ModelArtsFake {
  const fake = modelartsFake(options);
  useModelArtsFakes(fake);
  return fake;
}
