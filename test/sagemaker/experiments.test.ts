import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  type Experiment,
  InvalidArgumentError,
  NotFoundError,
  ValidationError,
} from '../../src/index.js';
import { DEFAULT_FAKE_START, type SageMakerTuningJobStatus } from '../../src/testing/index.js';
import {
  client,
  createFixture,
  experimentSpec,
  failure,
  HOUR,
  MINUTE,
  requestsFor,
  UUID,
  useFakeServer,
} from './helpers/env.js';

const { fake } = useFakeServer();
const sm = client();
const ARN_PREFIX = 'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/';

describe('experiments.create', () => {
  it('sends the neutral spec and the fixture training job definition, and returns the new experiment', async () => {
    const fixture = createFixture();
    const experiment = await sm.experiments.create(experimentSpec('churn-xgb-1'));

    expect(experiment).toMatchObject({
      provider: 'sagemaker',
      id: 'churn-xgb-1',
      name: 'churn-xgb-1',
      resourceName: `${ARN_PREFIX}churn-xgb-1`,
      status: 'running',
      providerStatus: 'InProgress',
      objective: { metric: 'validation:auc', direction: 'maximize' },
      algorithm: 'Bayesian',
      limits: { maxTrials: 8, maxParallelTrials: 2, maxRuntimeSeconds: 86_400 },
      trialCounts: { completed: 0, running: 0, stopped: 0, failed: 0, total: 0 },
    });
    expect(experiment.createdAt).toEqual(new Date(DEFAULT_FAKE_START));
    expect(experiment.bestTrial).toBeUndefined();
    expect(experiment.endedAt).toBeUndefined();
    expect(experiment.searchSpace).toBeDefined();

    const creates = requestsFor(fake, 'CreateHyperParameterTuningJob');
    expect(creates).toHaveLength(1);
    expect(creates[0]?.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(creates[0]?.body).toEqual({
      HyperParameterTuningJobName: 'churn-xgb-1',
      HyperParameterTuningJobConfig: {
        Strategy: 'Bayesian',
        HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' },
        ResourceLimits: {
          MaxNumberOfTrainingJobs: 8,
          MaxParallelTrainingJobs: 2,
          MaxRuntimeInSeconds: 86_400,
        },
        ParameterRanges: fixture.HyperParameterTuningJobConfig.ParameterRanges,
      },
      TrainingJobDefinition: fixture.TrainingJobDefinition,
      Tags: fixture.Tags,
    });
    // The describe answer is kept untouched, the definition exactly as it was sent.
    const raw = experiment.raw as Record<string, unknown>;
    expect(raw.TrainingJobDefinition).toEqual(fixture.TrainingJobDefinition);
    expect(raw.HyperParameterTuningJobStatus).toBe('InProgress');
  });

  it('merges providerOptions.tuningJobConfig over what the spec gives', async () => {
    await sm.experiments.create(
      experimentSpec(
        'churn-xgb-es',
        { algorithm: 'Random' },
        { tuningJobConfig: { TrainingJobEarlyStoppingType: 'Auto' } },
      ),
    );
    const body = requestsFor(fake, 'CreateHyperParameterTuningJob')[0]?.body as {
      HyperParameterTuningJobConfig: Record<string, unknown>;
    };
    expect(body.HyperParameterTuningJobConfig.Strategy).toBe('Random');
    expect(body.HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType).toBe('Auto');
    const experiment = await sm.experiments.get('churn-xgb-es');
    expect(experiment.algorithm).toBe('Random');
  });

  it('throws ConflictError for a name already taken, without retrying', async () => {
    await sm.experiments.create(experimentSpec('churn-dup'));
    const error = await failure(sm.experiments.create(experimentSpec('churn-dup', { algorithm: 'Random' })));

    expect(ConflictError.is(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'sagemaker',
      operation: 'CreateHyperParameterTuningJob',
      code: 'ResourceInUse',
      httpStatus: 400,
      retryable: false,
    });
    expect(requestsFor(fake, 'CreateHyperParameterTuningJob').map((r) => r.status)).toEqual([200, 400]);
    expect(fake.state.tuningJob('churn-dup')?.spec.strategy).toBe('Bayesian');
  });

  it('throws InvalidArgumentError without a training job definition, before sending anything', async () => {
    const spec = experimentSpec('churn-nodef');
    spec.providerOptions = { parameterRanges: createFixture().HyperParameterTuningJobConfig.ParameterRanges };
    const error = await failure(sm.experiments.create(spec));

    expect(InvalidArgumentError.is(error)).toBe(true);
    expect(error.message).toMatch(/trainingJobDefinition/);
    expect(fake.requests).toHaveLength(0);
  });

  it("turns the service's ValidationException into ValidationError, sent once", async () => {
    const tooParallel = await failure(
      sm.experiments.create(experimentSpec('churn-bad', { limits: { maxTrials: 2, maxParallelTrials: 5 } })),
    );
    expect(ValidationError.is(tooParallel)).toBe(true);
    expect(tooParallel).toMatchObject({ code: 'ValidationException', httpStatus: 400, retryable: false });
    expect(tooParallel.message).toMatch(/MaxParallelTrainingJobs \(5\)/);

    const badName = await failure(sm.experiments.create(experimentSpec('churn_underscore')));
    expect(ValidationError.is(badName)).toBe(true);
    expect(badName.message).toMatch(/hyperParameterTuningJobName/);

    expect(requestsFor(fake, 'CreateHyperParameterTuningJob')).toHaveLength(2);
    expect(fake.state.tuningJobs()).toEqual([]);
  });
});

describe('experiments.get', () => {
  it('reads a finished job: status, counts, limits, the best trial and the raw answer', async () => {
    await sm.experiments.create(experimentSpec('churn-done'));
    fake.clock.advance(8 * HOUR);
    const experiment = await sm.experiments.get('churn-done');
    const trials = await sm.trials.list('churn-done').toArray();

    expect(experiment.status).toBe('completed');
    expect(experiment.providerStatus).toBe('Completed');
    expect(experiment.endedAt?.getTime()).toBeGreaterThan(DEFAULT_FAKE_START);
    expect(experiment.updatedAt).toEqual(experiment.endedAt);
    expect(experiment.limits).toEqual({ maxTrials: 8, maxParallelTrials: 2, maxRuntimeSeconds: 86_400 });

    const counts = experiment.trialCounts;
    expect(counts.total).toBe(8);
    expect(trials).toHaveLength(8);
    expect(
      (counts.completed ?? 0) + (counts.failed ?? 0) + (counts.stopped ?? 0) + (counts.running ?? 0),
    ).toBe(8);
    expect(counts.completed).toBe(trials.filter((t) => t.status === 'completed').length);
    expect(counts.failed).toBe(trials.filter((t) => t.status === 'failed').length);

    const best = Math.max(...trials.flatMap((t) => (t.objective ? [t.objective.value] : [])));
    expect(experiment.bestTrial).toMatchObject({
      provider: 'sagemaker',
      experimentId: 'churn-done',
      status: 'completed',
      objective: { metric: 'validation:auc', value: best },
    });
    const bestTrial = trials.find((t) => t.id === experiment.bestTrial?.id);
    expect(bestTrial?.hyperParameters).toEqual(experiment.bestTrial?.hyperParameters);
    expect(Number.isInteger(experiment.bestTrial?.hyperParameters.max_depth)).toBe(true);

    const raw = experiment.raw as Record<string, unknown>;
    expect(raw.HyperParameterTuningJobName).toBe('churn-done');
    expect(raw.TrainingJobStatusCounters).toMatchObject({ Completed: counts.completed });
    expect(raw.ObjectiveStatusCounters).toBeDefined();
  });

  it.each<[SageMakerTuningJobStatus, Experiment['status']]>([
    ['InProgress', 'running'],
    ['Completed', 'completed'],
    ['Failed', 'failed'],
    ['Stopping', 'stopping'],
    ['Stopped', 'stopped'],
    ['Deleting', 'deleting'],
    ['DeleteFailed', 'failed'],
  ])('maps %s to %s and keeps the word in providerStatus', async (word, status) => {
    fake.state.seedTuningJob({ name: 'job-status', status: word, failureReason: 'seeded reason' });
    const experiment = await sm.experiments.get('job-status');
    expect(experiment.status).toBe(status);
    expect(experiment.providerStatus).toBe(word);
    expect(experiment.failureReason).toBe('seeded reason');
  });

  it('throws NotFoundError for a missing job, with code, request id and HTTP status', async () => {
    const error = await failure(sm.experiments.get('no-such-job'));

    expect(NotFoundError.is(error)).toBe(true);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      name: 'NotFoundError',
      provider: 'sagemaker',
      operation: 'DescribeHyperParameterTuningJob',
      code: 'ResourceNotFound',
      httpStatus: 400,
      retryable: false,
    });
    expect((error as NotFoundError).requestId).toMatch(UUID);
    expect(error.message).toMatch(/no-such-job/);
    expect(requestsFor(fake, 'DescribeHyperParameterTuningJob')).toHaveLength(1);
  });
});

describe('experiments.list', () => {
  const statuses: SageMakerTuningJobStatus[] = [
    'Completed',
    'Completed',
    'Failed',
    'DeleteFailed',
    'Stopped',
  ];
  const seeded = Array.from({ length: 23 }, (_, i) => ({
    name: `${i < 15 ? 'churn' : 'fraud'}-${String(i).padStart(2, '0')}`,
    status: statuses[i % statuses.length] as SageMakerTuningJobStatus,
    createdAt: DEFAULT_FAKE_START + i * MINUTE,
  }));
  const seed = () => {
    for (const job of seeded) fake.state.seedTuningJob(job);
  };
  const names = (experiments: Experiment[]) => experiments.map((e) => e.name);
  const listRequests = () =>
    requestsFor(fake, 'ListHyperParameterTuningJobs').map((r) => r.body as Record<string, unknown>);

  it('walks every page with for await, pageSize items per request', async () => {
    seed();
    const all: Experiment[] = [];
    for await (const experiment of sm.experiments.list({ pageSize: 4 })) all.push(experiment);

    expect(names(all)).toEqual(seeded.map((j) => j.name).sort());
    const requests = listRequests();
    expect(requests).toHaveLength(6);
    expect(requests.every((r) => r.MaxResults === 4)).toBe(true);
    expect(requests[0]?.NextToken).toBeUndefined();
    expect(requests.slice(1).every((r) => typeof r.NextToken === 'string')).toBe(true);

    const first = all.find((e) => e.name === 'churn-03');
    expect(first).toMatchObject({
      provider: 'sagemaker',
      id: 'churn-03',
      resourceName: `${ARN_PREFIX}churn-03`,
      status: 'failed',
      providerStatus: 'DeleteFailed',
      algorithm: 'Bayesian',
      limits: { maxTrials: 10, maxParallelTrials: 2 },
      trialCounts: { total: 0 },
      createdAt: new Date(DEFAULT_FAKE_START + 3 * MINUTE),
    });
    expect(first?.raw).toMatchObject({ HyperParameterTuningJobName: 'churn-03' });
  });

  it('sorts by name and by creation time, in either order', async () => {
    seed();
    const byNameDesc = await sm.experiments
      .list({ sortBy: 'name', sortOrder: 'desc', pageSize: 10 })
      .toArray();
    expect(names(byNameDesc)).toEqual(
      seeded
        .map((j) => j.name)
        .sort()
        .reverse(),
    );

    const byCreation = await sm.experiments.list({ sortBy: 'createdAt', sortOrder: 'desc' }).toArray();
    expect(names(byCreation)).toEqual(seeded.map((j) => j.name).reverse());
    expect(listRequests().at(-1)).toMatchObject({ SortBy: 'CreationTime', SortOrder: 'Descending' });
  });

  it('filters failed as Failed plus DeleteFailed, across pages of both', async () => {
    seed();
    const failed = await sm.experiments.list({ status: 'failed', pageSize: 2 }).toArray();
    const expected = seeded.filter((j) => j.status === 'Failed' || j.status === 'DeleteFailed');

    expect(names(failed).sort()).toEqual(expected.map((j) => j.name).sort());
    expect(failed.every((e) => e.status === 'failed')).toBe(true);
    expect(new Set(failed.map((e) => e.providerStatus))).toEqual(new Set(['Failed', 'DeleteFailed']));
    expect(new Set(listRequests().map((r) => r.StatusEquals))).toEqual(new Set(['Failed', 'DeleteFailed']));
  });

  it('returns an empty listing for pending, which SageMaker cannot express, without a request', async () => {
    seed();
    expect(await sm.experiments.list({ status: 'pending' }).toArray()).toEqual([]);
    expect(listRequests()).toHaveLength(0);
  });

  it('filters by name fragment and creation time on the service side', async () => {
    seed();
    const fraud = await sm.experiments.list({ nameContains: 'fraud' }).toArray();
    expect(names(fraud)).toEqual(seeded.filter((j) => j.name.startsWith('fraud')).map((j) => j.name));
    expect(listRequests()[0]?.NameContains).toBe('fraud');

    const after = new Date(DEFAULT_FAKE_START + 10 * MINUTE);
    const recent = await sm.experiments.list({ createdAfter: after, sortBy: 'createdAt' }).toArray();
    expect(names(recent)).toEqual(seeded.slice(11).map((j) => j.name));
    expect(recent.every((e) => (e.createdAt?.getTime() ?? 0) > after.getTime())).toBe(true);
    expect(listRequests().at(-1)?.CreationTimeAfter).toBe(after.getTime() / 1000);
  });
});

describe('experiments.stop and delete', () => {
  it('stops a running job: stopping at once, stopped once the service moves on', async () => {
    await sm.experiments.create(experimentSpec('churn-stop'));
    fake.clock.advance(10 * MINUTE);
    await sm.experiments.stop('churn-stop');

    const stopping = await sm.experiments.get('churn-stop');
    expect(stopping.status).toBe('stopping');
    expect(stopping.providerStatus).toBe('Stopping');

    fake.clock.advance(1000);
    const stopped = await sm.experiments.get('churn-stop');
    expect(stopped.status).toBe('stopped');
    expect(stopped.providerStatus).toBe('Stopped');
    expect(stopped.endedAt).toBeDefined();
    const trials = await sm.trials.list('churn-stop').toArray();
    expect(trials.length).toBeGreaterThan(0);
    expect(trials.every((t) => t.status !== 'running')).toBe(true);
    expect(requestsFor(fake, 'StopHyperParameterTuningJob')[0]?.body).toEqual({
      HyperParameterTuningJobName: 'churn-stop',
    });
  });

  it('deletes a finished job; a running one is refused with ValidationError', async () => {
    fake.state.seedTuningJob({ name: 'churn-old', status: 'Completed' });
    await sm.experiments.delete('churn-old');
    expect(NotFoundError.is(await failure(sm.experiments.get('churn-old')))).toBe(true);
    expect(await sm.experiments.list().toArray()).toEqual([]);

    fake.state.seedTuningJob({ name: 'churn-live', status: 'InProgress' });
    const refused = await failure(sm.experiments.delete('churn-live'));
    expect(ValidationError.is(refused)).toBe(true);
    expect((await sm.experiments.get('churn-live')).status).toBe('running');
  });

  it('throws NotFoundError when stopping or deleting a missing job', async () => {
    expect(NotFoundError.is(await failure(sm.experiments.stop('missing-job')))).toBe(true);
    expect(NotFoundError.is(await failure(sm.experiments.delete('missing-job')))).toBe(true);
  });
});
