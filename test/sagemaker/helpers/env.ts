/**
 * Shared set-up for the SageMaker adapter's end-to-end tests: the real adapter (signer, transport,
 * wire schemas, normalizer) against the SageMaker fake at the HTTP boundary, through msw.
 */
import { readFileSync } from 'node:fs';
import { getResponse, type RequestHandler } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AttemptEvent, ExperimentSpec } from '../../../src/index.js';
import {
  type SageMakerExperimentOptions,
  type SageMakerOptions,
  type SageMakerProvider,
  type SageMakerShapes,
  sagemaker,
} from '../../../src/providers/sagemaker/index.js';
import {
  FAKE_AWS_CREDENTIALS,
  type SageMakerFake,
  type SageMakerFakeOptions,
  sagemakerFake,
} from '../../../src/testing/index.js';

/** Tiny waits so that retry tests take milliseconds, not seconds. */
export const FAST_RETRY = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 5 } as const;

export const REGION = 'us-east-1';

export interface FakeEnvironment {
  fake: SageMakerFake;
  server: SetupServer;
}

/**
 * One fake behind one msw server for the test file. Runtime handlers (`server.use`) and the fake's
 * state, faults and request log are reset after every test; an unhandled request fails the test.
 */
export function useFakeServer(options: SageMakerFakeOptions = {}): FakeEnvironment {
  const fake = sagemakerFake({ seed: 7, ...options });
  const server = setupServer(...fake.handlers);
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    fake.reset();
  });
  afterAll(() => server.close());
  return { fake, server };
}

/** The adapter as an application would build it, with fast retries and the fake's key pair. */
export function client(options: Partial<SageMakerOptions> = {}): SageMakerProvider {
  return sagemaker({ region: REGION, credentials: FAKE_AWS_CREDENTIALS, retry: FAST_RETRY, ...options });
}

/** Collects every `onAttempt` event. */
export function recordAttempts(): { events: AttemptEvent[]; hooks: { onAttempt(e: AttemptEvent): void } } {
  const events: AttemptEvent[] = [];
  return { events, hooks: { onAttempt: (event) => events.push(event) } };
}

interface CreateFixture {
  HyperParameterTuningJobConfig: {
    Strategy: string;
    ParameterRanges: SageMakerShapes.ParameterRanges;
  };
  TrainingJobDefinition: SageMakerShapes.HyperParameterTrainingJobDefinition;
  Tags: SageMakerShapes.Tag[];
}

/** A fresh copy of the realistic XGBoost tuning request in fixtures/create-tuning-job.json. */
export function createFixture(): CreateFixture {
  const url = new URL('../fixtures/create-tuning-job.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as CreateFixture;
}

/** A neutral create spec built from the fixture, SageMaker's own ranges passed as `parameterRanges`. */
export function experimentSpec(
  name: string,
  overrides: Partial<ExperimentSpec<SageMakerExperimentOptions>> = {},
  providerOptions: Partial<SageMakerExperimentOptions> = {},
): ExperimentSpec<SageMakerExperimentOptions> {
  const fixture = createFixture();
  return {
    name,
    objective: { metric: 'validation:auc', direction: 'maximize' },
    algorithm: 'Bayesian',
    limits: { maxTrials: 8, maxParallelTrials: 2, maxRuntimeSeconds: 86_400 },
    ...overrides,
    providerOptions: {
      trainingJobDefinition: fixture.TrainingJobDefinition,
      parameterRanges: fixture.HyperParameterTuningJobConfig.ParameterRanges,
      tags: fixture.Tags,
      ...providerOptions,
    },
  };
}

/** The SageMaker operation a request names (`SageMaker.<Operation>` in X-Amz-Target). */
export function operationOf(request: Request): string | undefined {
  const target = request.headers.get('x-amz-target') ?? '';
  return target.startsWith('SageMaker.') ? target.slice('SageMaker.'.length) : undefined;
}

/** Hands a request to the fake's own handlers, as if msw had routed it there. */
export async function forwardToFake(fake: SageMakerFake, request: Request): Promise<Response> {
  const response = await getResponse(fake.handlers as RequestHandler[], request);
  if (response === undefined) throw new Error(`the fake did not answer ${request.method} ${request.url}`);
  return response;
}

/** Requests the fake received for one operation. */
export function requestsFor(fake: SageMakerFake, operation: string) {
  return fake.requests.filter((r) => r.operation === operation);
}

/** Catches the rejection of a promise so it can be inspected. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
