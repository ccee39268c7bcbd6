import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type PaiFake, type PaiFakeOptions, paiFake } from '../../../src/testing/index.js';

/** Serves the PAI fakes through one msw server for the test file; unknown requests fail the test. */
export function usePaiFakes(...fakes: PaiFake[]): void {
  const server = setupServer(...fakes.flatMap((f) => f.handlers));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    for (const fake of fakes) fake.reset();
  });
  afterAll(() => server.close());
}

export function usePaiFake(options?: PaiFakeOptions): PaiFake {
  const fake = paiFake(options);
  usePaiFakes(fake);
  return fake;
}
