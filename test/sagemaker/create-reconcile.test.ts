/**
 * Creates are not idempotent: after an ambiguous failure the adapter looks the tuning job up by
 * name before it would send the create again (docs/architecture.md, "Retries").
 */
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/index.js';
import {
  client,
  experimentSpec,
  failure,
  forwardToFake,
  operationOf,
  recordAttempts,
  requestsFor,
  useFakeServer,
} from './helpers/env.js';

const { fake, server } = useFakeServer();
const CREATE = 'CreateHyperParameterTuningJob';
const DESCRIBE = 'DescribeHyperParameterTuningJob';
const ENDPOINT = `${fake.endpoint}/`;

/** The order of operations the fake saw. */
const seen = () => fake.requests.map((r) => r.operation);

/**
 * The first create reaches the fake and takes effect, but its answer never reaches the client:
 * `then` decides what the client gets instead.
 */
function applyThenFail(then: (applied: Response) => Promise<Response> | Response) {
  server.use(
    http.post(
      ENDPOINT,
      async ({ request }) => {
        if (operationOf(request) !== CREATE) return undefined;
        return then(await forwardToFake(fake, request));
      },
      { once: true },
    ),
  );
}

describe('a create that failed ambiguously', () => {
  it('after a reset once the job exists: describes it by name, no second create', async () => {
    const { events, hooks } = recordAttempts();
    const sm = client({ hooks });
    applyThenFail(() => HttpResponse.error());

    const experiment = await sm.experiments.create(experimentSpec('churn-reset'));
    expect(experiment).toMatchObject({ id: 'churn-reset', status: 'running', providerStatus: 'InProgress' });
    expect(seen()).toEqual([CREATE, DESCRIBE, DESCRIBE]);
    expect(requestsFor(fake, CREATE).map((r) => r.status)).toEqual([200]);
    expect(requestsFor(fake, DESCRIBE)[0]?.body).toEqual({ HyperParameterTuningJobName: 'churn-reset' });
    expect(fake.state.tuningJobs().map((j) => j.name)).toEqual(['churn-reset']);

    const create = events.filter((e) => e.operation === CREATE);
    expect(create).toEqual([expect.objectContaining({ attempt: 1, errorClass: 'NetworkError' })]);
    expect(create[0]?.retryDelayMs).toBeUndefined();
  });

  it('after a timeout once the job exists: the same, within one attempt timeout', async () => {
    const sm = client({ timeoutMs: 150 });
    applyThenFail(async (applied) => {
      await delay(600);
      return applied;
    });

    const started = performance.now();
    const experiment = await sm.experiments.create(experimentSpec('churn-slow'));
    expect(performance.now() - started).toBeLessThan(500);
    expect(experiment.id).toBe('churn-slow');
    expect(seen()).toEqual([CREATE, DESCRIBE, DESCRIBE]);
  });

  it('after a 5xx once the job exists: the same', async () => {
    const sm = client();
    applyThenFail(
      () =>
        new Response(
          JSON.stringify({ __type: 'InternalFailure', message: 'We encountered an internal error.' }),
          {
            status: 500,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
          },
        ),
    );
    const experiment = await sm.experiments.create(experimentSpec('churn-500'));
    expect(experiment.id).toBe('churn-500');
    expect(requestsFor(fake, CREATE)).toHaveLength(1);
  });

  it('after a body cut short, which means the job was created: describes it, no second create', async () => {
    const sm = client();
    // The fake serves the create, then cuts the answer in half.
    fake.faults.inject({ kind: 'truncated', operation: CREATE });

    const result = await sm.experiments.create(experimentSpec('churn-cut')).catch((error: unknown) => error);
    expect(requestsFor(fake, CREATE)).toHaveLength(1);
    expect(result).toMatchObject({ id: 'churn-cut', status: 'running' });
  });

  it('when the job was NOT created (reset before the service): sends the create again', async () => {
    const { events, hooks } = recordAttempts();
    const sm = client({ hooks });
    fake.faults.inject({ kind: 'reset', operation: CREATE });

    const experiment = await sm.experiments.create(experimentSpec('churn-again'));
    expect(experiment.id).toBe('churn-again');
    expect(seen()).toEqual([CREATE, DESCRIBE, CREATE, DESCRIBE]);
    expect(requestsFor(fake, CREATE).map((r) => r.status)).toEqual([0, 200]);
    expect(requestsFor(fake, DESCRIBE)[0]?.status).toBe(400);
    expect(events.filter((e) => e.operation === CREATE).map((e) => [e.attempt, e.errorClass])).toEqual([
      [1, 'NetworkError'],
      [2, undefined],
    ]);
  });

  it('when the job was NOT created (503 from the service): sends the create again', async () => {
    const sm = client();
    fake.faults.inject({ kind: 'server-error', status: 503, operation: CREATE });
    await sm.experiments.create(experimentSpec('churn-503'));
    expect(seen()).toEqual([CREATE, DESCRIBE, CREATE, DESCRIBE]);
  });

  it('reconciles a conflict that follows an ambiguous attempt: the job appeared in between', async () => {
    const sm = client();
    let firstCreate: Request | undefined;
    // Attempt 1 is lost on the way; the look-up finds nothing, but the lost request lands just
    // after it, so attempt 2 meets ResourceInUse.
    server.use(
      http.post(
        ENDPOINT,
        ({ request }) => {
          if (operationOf(request) !== CREATE) return undefined;
          firstCreate = request.clone();
          return HttpResponse.error();
        },
        { once: true },
      ),
      http.post(
        ENDPOINT,
        async ({ request }) => {
          if (operationOf(request) !== DESCRIBE || firstCreate === undefined) return undefined;
          const notFound = await forwardToFake(fake, request);
          await forwardToFake(fake, firstCreate);
          return notFound;
        },
        { once: true },
      ),
    );

    const experiment = await sm.experiments.create(experimentSpec('churn-late'));
    expect(experiment.id).toBe('churn-late');
    expect(requestsFor(fake, CREATE).map((r) => r.status)).toEqual([200, 400]);
    expect(requestsFor(fake, DESCRIBE).map((r) => r.status)).toEqual([400, 200, 200]);
  });

  it('still reports a plain duplicate as ConflictError', async () => {
    const sm = client();
    fake.state.seedTuningJob({ name: 'churn-taken' });
    expect(ConflictError.is(await failure(sm.experiments.create(experimentSpec('churn-taken'))))).toBe(true);
    expect(seen()).toEqual([CREATE]);
  });
});
