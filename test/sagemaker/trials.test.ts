import { describe, expect, it } from 'vitest';
import {
  NotFoundError,
  type Page,
  type Trial,
  type TrialQuery,
  UnsupportedOperationError,
} from '../../src/index.js';
import { DEFAULT_FAKE_START } from '../../src/testing/index.js';
import { client, experimentSpec, failure, HOUR, MINUTE, requestsFor, useFakeServer } from './helpers/env.js';

const { fake } = useFakeServer();
const sm = client();
const LIST = 'ListTrainingJobsForHyperParameterTuningJob';
const ids = (trials: readonly { id: string }[]) => trials.map((t) => t.id);
const listBodies = () => requestsFor(fake, LIST).map((r) => r.body as Record<string, unknown>);

/** Tuned values typed from the fixture's ranges; the raw strings must say the same. */
function expectTypedHyperParameters(trial: Trial) {
  const hp = trial.hyperParameters;
  expect(Number.isInteger(hp.max_depth)).toBe(true);
  expect(hp.max_depth).toBeGreaterThanOrEqual(3);
  expect(hp.max_depth).toBeLessThanOrEqual(10);
  expect(typeof hp.eta).toBe('number');
  expect(hp.eta).toBeGreaterThanOrEqual(0.01);
  expect(hp.eta).toBeLessThanOrEqual(0.5);
  expect(['gbtree', 'dart']).toContain(hp.booster);
  expect([1, 2.5, 10]).toContain(hp.scale_pos_weight);
  const raw = (trial.raw as { TunedHyperParameters: Record<string, string> }).TunedHyperParameters;
  expect(Object.keys(hp).sort()).toEqual(Object.keys(raw).sort());
  for (const [name, value] of Object.entries(hp)) expect(String(value)).toBe(raw[name]);
}

/**
 * A finished tuning job with trials in every state: 7 with an objective, 3 failed, 2 stopped by
 * the user and 2 still running (none of those 7 has an objective).
 */
function seedRankedJob(name: string, type: 'Maximize' | 'Minimize' = 'Maximize') {
  fake.state.seedTuningJob({
    name,
    status: 'Completed',
    objective: { Type: type, MetricName: 'validation:auc' },
    maxNumberOfTrainingJobs: 20,
  });
  fake.state.seedTrainingJobs(name, 2, { status: 'Failed' });
  fake.state.seedTrainingJobs(name, 4);
  fake.state.seedTrainingJobs(name, 2, { status: 'Stopped' });
  fake.state.seedTrainingJobs(name, 3);
  fake.state.seedTrainingJobs(name, 1, { status: 'Failed' });
  fake.state.seedTrainingJobs(name, 2, { status: 'InProgress' });
}

async function allPages(query: TrialQuery, id: string): Promise<Page<Trial>[]> {
  const pages: Page<Trial>[] = [];
  for await (const page of sm.trials.list(id, query).pages()) pages.push(page);
  return pages;
}

describe('trials.list on a created job', () => {
  it('lists running trials with typed hyperparameters and no objective yet', async () => {
    await sm.experiments.create(experimentSpec('churn-live'));
    fake.clock.advance(5 * MINUTE);
    const trials = await sm.trials.list('churn-live').toArray();

    expect(trials).toHaveLength(2);
    for (const trial of trials) {
      expect(trial).toMatchObject({
        provider: 'sagemaker',
        experimentId: 'churn-live',
        status: 'running',
        providerStatus: 'InProgress',
        metrics: [],
      });
      expect(trial.name).toBe(trial.id);
      expect(trial.id).toMatch(/^churn-live-00[12]-[0-9a-f]{8}$/);
      expect(trial.objective).toBeUndefined();
      expect(trial.endedAt).toBeUndefined();
      expect(trial.createdAt).toEqual(new Date(DEFAULT_FAKE_START + 30_000));
      expectTypedHyperParameters(trial);
    }
    expect(listBodies()[0]).toMatchObject({ HyperParameterTuningJobName: 'churn-live', SortBy: 'Name' });
  });

  it('lists finished trials: objective and final metric for completed ones, a reason for failed ones', async () => {
    await sm.experiments.create(experimentSpec('churn-done'));
    fake.clock.advance(8 * HOUR);
    const trials = await sm.trials.list('churn-done').toArray();

    expect(trials).toHaveLength(8);
    expect(new Set(ids(trials)).size).toBe(8);
    for (const trial of trials) {
      expectTypedHyperParameters(trial);
      expect(trial.endedAt?.getTime()).toBeGreaterThan(
        trial.startedAt?.getTime() ?? Number.POSITIVE_INFINITY,
      );
      expect(['completed', 'failed']).toContain(trial.status);
      const final = (trial.raw as { FinalHyperParameterTuningJobObjectiveMetric?: { Value: number } })
        .FinalHyperParameterTuningJobObjectiveMetric;
      if (trial.status === 'completed') {
        expect(trial.objective).toEqual({ metric: 'validation:auc', value: final?.Value });
        expect(trial.metrics).toEqual([{ name: 'validation:auc', value: final?.Value, final: true }]);
      } else {
        expect(trial.objective).toBeUndefined();
        expect(trial.failureReason).toMatch(/Error/);
      }
    }
    expect(trials.some((t) => t.status === 'completed')).toBe(true);
  });

  it('lists the same jobs as TrainingJob objects with trainingJobs.list', async () => {
    seedRankedJob('churn-ranked');
    const trials = await sm.trials.list('churn-ranked').toArray();
    const jobs = await sm.trainingJobs.list('churn-ranked', { pageSize: 5 }).toArray();

    expect(ids(jobs)).toEqual(ids(trials));
    for (const [i, job] of jobs.entries()) {
      const trial = trials[i] as Trial;
      expect(job).toEqual({
        provider: 'sagemaker',
        id: trial.id,
        name: trial.id,
        experimentId: 'churn-ranked',
        trialId: trial.id,
        status: trial.status,
        providerStatus: trial.providerStatus,
        hyperParameters: trial.hyperParameters,
        metrics: trial.metrics,
        createdAt: trial.createdAt,
        startedAt: trial.startedAt,
        endedAt: trial.endedAt,
        usage: trial.usage,
        failureReason: trial.failureReason,
        raw: trial.raw,
      });
    }
  });
});

describe('trials.list sorted by objective', () => {
  it('yields best first, then every trial without an objective; none dropped, none twice', async () => {
    seedRankedJob('churn-ranked');
    const unsorted = await sm.trials.list('churn-ranked').toArray();
    const ranked = await sm.trials.list('churn-ranked', { sortBy: 'objective', pageSize: 3 }).toArray();

    expect(ranked).toHaveLength(14);
    expect(new Set(ids(ranked))).toEqual(new Set(ids(unsorted)));
    const values = ranked.slice(0, 7).map((t) => t.objective?.value as number);
    expect(values.every((v) => typeof v === 'number')).toBe(true);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const rest = ranked.slice(7);
    expect(rest.every((t) => t.objective === undefined)).toBe(true);
    expect(rest.map((t) => t.status).sort()).toEqual(
      ['failed', 'failed', 'failed', 'running', 'running', 'stopped', 'stopped'].sort(),
    );
    // SageMaker's sort leaves jobs without a metric out; the second walk goes by creation time.
    expect(ids(rest)).toEqual(ids(unsorted.filter((t) => t.objective === undefined)));
    const bodies = listBodies().filter((b) => b.MaxResults === 3);
    expect(bodies[0]).toMatchObject({ SortBy: 'FinalObjectiveMetricValue', SortOrder: 'Descending' });
    expect(bodies.at(-1)).toMatchObject({ SortBy: 'CreationTime', SortOrder: 'Ascending' });
  });

  it('ranks a minimized objective lowest first, and honours an explicit sortOrder', async () => {
    seedRankedJob('churn-loss', 'Minimize');
    const best = await sm.trials.list('churn-loss', { sortBy: 'objective' }).toArray();
    const lowFirst = best.slice(0, 7).map((t) => t.objective?.value as number);
    expect(lowFirst).toEqual([...lowFirst].sort((a, b) => a - b));
    expect(best.slice(7).every((t) => t.objective === undefined)).toBe(true);

    const worstFirst = await sm.trials
      .list('churn-loss', { sortBy: 'objective', sortOrder: 'desc' })
      .toArray();
    expect(worstFirst.slice(0, 7).map((t) => t.objective?.value)).toEqual([...lowFirst].reverse());
    expect(worstFirst.slice(7).every((t) => t.objective === undefined)).toBe(true);
    expect(worstFirst).toHaveLength(14);
  });
});

describe('trials.list status filters', () => {
  it('tells early_stopped from stopped when early stopping is on', async () => {
    await sm.experiments.create(
      experimentSpec(
        'early-stop',
        { limits: { maxTrials: 12, maxParallelTrials: 3 } },
        { tuningJobConfig: { TrainingJobEarlyStoppingType: 'Auto' } },
      ),
    );
    // Let the tuner stop some trials early, then stop the job while others still run.
    let trials: Trial[] = [];
    for (let step = 0; step < 40; step++) {
      fake.clock.advance(5 * MINUTE);
      trials = await sm.trials.list('early-stop').toArray();
      if (trials.some((t) => t.status === 'early_stopped') && trials.some((t) => t.status === 'running'))
        break;
    }
    expect(trials.some((t) => t.status === 'early_stopped')).toBe(true);
    await sm.experiments.stop('early-stop');
    fake.clock.advance(1000);

    const all = await sm.trials.list('early-stop').toArray();
    const early = await sm.trials.list('early-stop', { status: 'early_stopped' }).toArray();
    const stopped = await sm.trials.list('early-stop', { status: 'stopped' }).toArray();

    expect(early.length).toBeGreaterThan(0);
    expect(stopped.length).toBeGreaterThan(0);
    expect(early.every((t) => t.status === 'early_stopped' && t.providerStatus === 'Stopped')).toBe(true);
    expect(early.every((t) => t.objective !== undefined)).toBe(true);
    expect(stopped.every((t) => t.status === 'stopped' && t.providerStatus === 'Stopped')).toBe(true);
    expect(stopped.every((t) => t.objective === undefined)).toBe(true);
    expect([...ids(early), ...ids(stopped)].sort()).toEqual(
      ids(all.filter((t) => t.providerStatus === 'Stopped')).sort(),
    );
    expect(
      listBodies()
        .slice(-2)
        .map((b) => b.StatusEquals),
    ).toEqual(['Stopped', 'Stopped']);
  });

  it('calls every user-stopped trial stopped when early stopping is off', async () => {
    seedRankedJob('churn-ranked');
    expect(await sm.trials.list('churn-ranked', { status: 'early_stopped' }).toArray()).toEqual([]);
    expect(await sm.trials.list('churn-ranked', { status: 'stopped' }).toArray()).toHaveLength(2);
    const failed = await sm.trials.list('churn-ranked', { status: 'failed', pageSize: 2 }).toArray();
    expect(failed.map((t) => t.providerStatus)).toEqual(['Failed', 'Failed', 'Failed']);
    expect(await sm.trials.list('churn-ranked', { status: 'pending' }).toArray()).toEqual([]);
  });
});

describe('trials.list paging', () => {
  it('resumes from the cursor of any page with exactly the rest', async () => {
    fake.state.seedTuningJob({ name: 'churn-paged', maxNumberOfTrainingJobs: 30 });
    fake.state.seedTrainingJobs('churn-paged', 23);
    const pages = await allPages({ pageSize: 5 }, 'churn-paged');

    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.at(-1)?.cursor).toBeUndefined();
    const everything = pages.flatMap((p) => ids(p.items));
    expect(new Set(everything).size).toBe(23);
    for (let k = 1; k < pages.length; k++) {
      const cursor = pages[k - 1]?.cursor;
      expect(cursor).toEqual(expect.any(String));
      const rest = await sm.trials.list('churn-paged', { pageSize: 5, cursor }).toArray();
      expect(ids(rest)).toEqual(pages.slice(k).flatMap((p) => ids(p.items)));
    }
  });

  it('resumes an objective-sorted listing in either of its two walks', async () => {
    seedRankedJob('churn-ranked');
    const pages = await allPages({ sortBy: 'objective', pageSize: 3 }, 'churn-ranked');
    const everything = pages.flatMap((p) => ids(p.items));
    expect(everything).toHaveLength(14);
    for (let k = 1; k < pages.length; k++) {
      const rest = await sm.trials
        .list('churn-ranked', { sortBy: 'objective', pageSize: 3, cursor: pages[k - 1]?.cursor })
        .toArray();
      expect(ids(rest)).toEqual(pages.slice(k).flatMap((p) => ids(p.items)));
    }
  });

  it('stops at toArray({ limit }) without walking the remaining pages', async () => {
    fake.state.seedTuningJob({ name: 'churn-paged', maxNumberOfTrainingJobs: 30 });
    fake.state.seedTrainingJobs('churn-paged', 23);
    const all = await sm.trials.list('churn-paged').toArray();
    const before = requestsFor(fake, LIST).length;

    const first = await sm.trials.list('churn-paged', { pageSize: 5 }).toArray({ limit: 7 });
    expect(ids(first)).toEqual(ids(all).slice(0, 7));
    // Two pages are needed, one more may have been read ahead; never all five.
    expect(requestsFor(fake, LIST).length - before).toBeLessThanOrEqual(3);
  });
});

describe('trials.get', () => {
  it('describes one training job: every final metric, the objective, static hyperparameters as text', async () => {
    await sm.experiments.create(experimentSpec('churn-done'));
    fake.clock.advance(8 * HOUR);
    const listed = (await sm.trials.list('churn-done', { status: 'completed' }).toArray())[0] as Trial;
    const trial = await sm.trials.get('churn-done', listed.id);

    expect(trial).toMatchObject({
      provider: 'sagemaker',
      id: listed.id,
      experimentId: 'churn-done',
      status: 'completed',
      providerStatus: 'Completed',
      objective: listed.objective,
      createdAt: listed.createdAt,
      startedAt: listed.startedAt,
      endedAt: listed.endedAt,
    });
    expect(trial.metrics).toEqual([
      { name: 'validation:auc', value: listed.objective?.value, timestamp: listed.endedAt, final: true },
    ]);
    expect(trial.hyperParameters).toEqual({
      ...listed.hyperParameters,
      objective: 'binary:logistic',
      num_round: '200',
      eval_metric: 'auc',
      _tuning_objective_metric: 'validation:auc',
    });
    expect((trial.raw as Record<string, unknown>).TrainingJobName).toBe(listed.id);
    expect(requestsFor(fake, 'DescribeTrainingJob').at(-1)?.body).toEqual({ TrainingJobName: listed.id });
  });

  it('throws NotFoundError for a training job of another tuning job', async () => {
    fake.state.seedTuningJob({ name: 'churn-a' });
    fake.state.seedTuningJob({ name: 'churn-b' });
    fake.state.seedTrainingJobs('churn-a', 1);
    const [ofB] = fake.state.seedTrainingJobs('churn-b', 1);

    const error = await failure(sm.trials.get('churn-a', ofB as string));
    expect(NotFoundError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'sagemaker', operation: 'DescribeTrainingJob' });
    expect(error.message).toContain(ofB as string);
    expect((await sm.trials.get('churn-b', ofB as string)).experimentId).toBe('churn-b');
  });

  it('throws NotFoundError for a training job that does not exist', async () => {
    fake.state.seedTuningJob({ name: 'churn-a' });
    // SageMaker itself answers ValidationException "Requested resource not found." here.
    const error = await failure(sm.trials.get('churn-a', 'churn-a-999-00000000'));
    expect(NotFoundError.is(error)).toBe(true);
    expect(error).toMatchObject({ operation: 'DescribeTrainingJob', httpStatus: 400 });
    expect(requestsFor(fake, 'DescribeTrainingJob').map((r) => r.status)).toEqual([400]);
  });
});

describe('trials.stop', () => {
  it('is unsupported on SageMaker, says so in capabilities, and sends nothing', async () => {
    fake.state.seedTuningJob({ name: 'churn-a', status: 'InProgress' });
    expect(sm.capabilities.trials.stop).toBe('unsupported');
    const error = await failure(sm.trials.stop('churn-a', 'churn-a-001-00000000'));
    expect(UnsupportedOperationError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'sagemaker', operation: 'trials.stop' });
    expect(fake.requests).toHaveLength(0);
  });
});
