/**
 * Set-up for the ModelArts adapter's end-to-end tests: the real adapter (signer, transport,
 * schemas, normalizer) against ModelArts fakes at the HTTP boundary, through one msw server.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { modelarts } from '../../../src/providers/modelarts/index.js';
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
