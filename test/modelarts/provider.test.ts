/** `modelarts(...)` end to end: the real signer, transport, schemas and normalizer against the fake. */
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/index.js';
import { modelarts, modelartsEndpoint } from '../../src/providers/modelarts/provider.js';
import { modelartsFake } from '../../src/testing/index.js';
import { client, experimentSpec, useFakeServer } from './helpers/env.js';

const HOUR = 60 * 60_000;
const records = modelartsFake({ seed: 5 });
const pages = modelartsFake({
  seed: 5,
  region: 'cn-east-3',
  iamEndpoint: 'https://iam.pages.example.com',
  offsetMeaning: { trials: 'page', searches: 'record' },
});
const failing = modelartsFake({
  seed: 5,
  region: 'cn-south-1',
  iamEndpoint: 'https://iam.failing.example.com',
  simulation: { failureRate: 0.5 },
});
useFakeServer(records, pages, failing);

const spec = experimentSpec;

describe.each([
  ['record offsets for trials, page offsets for searches', records],
  ['page offsets for trials, record offsets for searches', pages],
])('a search end to end (%s)', (_, fake) => {
  it('creates, runs, lists and reads trials, and ends completed', async () => {
    const cloud = client(fake, { pageConcurrency: 2 });
    const created = await cloud.experiments.create(spec('e2e-search', 23));
    expect(created).toMatchObject({
      provider: 'modelarts',
      name: 'e2e-search',
      status: 'pending',
      providerStatus: 'Creating',
      objective: { metric: 'acc', direction: 'maximize' },
      algorithm: 'bayes_opt_search',
      limits: { maxTrials: 23, maxParallelTrials: 4 },
    });
    expect(created.searchSpace?.spec).toEqual(spec('x').searchSpace);

    fake.clock.advance(48 * HOUR);
    const done = await cloud.experiments.get(created.id);
    expect(done.status).toBe('completed');

    const trials = await cloud.trials.list(created.id, { pageSize: 5 }).toArray();
    const wire = fake.state.trialsOf(created.id);
    expect(trials.map((t) => t.id)).toEqual(wire.map((t) => t.id));
    expect(new Set(trials.map((t) => t.id)).size).toBe(23);
    for (const trial of trials) {
      expect(Object.keys(trial.hyperParameters).sort()).toEqual(['batch_size', 'learning_rate']);
      expect(['completed', 'failed']).toContain(trial.status);
      if (trial.status === 'completed') expect(trial.objective?.metric).toBe('acc');
    }

    const best = await cloud.trials.list(created.id, { sortBy: 'objective' }).toArray();
    const values = best.flatMap((t) => (t.objective ? [t.objective.value] : []));
    expect(values).toEqual([...values].sort((a, b) => b - a));

    const first = trials[0];
    if (!first) throw new Error('no trials');
    const one = await cloud.trials.get(created.id, first.id);
    expect(one).toMatchObject({ id: first.id, hyperParameters: first.hyperParameters });
    expect(one.metrics.length).toBeGreaterThan(0);

    const jobs = await cloud.trainingJobs.list(created.id).toArray();
    expect(jobs.map((j) => [j.id, j.status])).toEqual([[created.id, 'completed']]);
  });

  it('lists experiments by name and status across pages, leaving plain training jobs out', async () => {
    for (let i = 0; i < 12; i++) fake.state.seedJob({ name: `paged-${i}` });
    fake.state.seedJob({ name: 'paged-plain', autoSearch: null });
    const cloud = client(fake);
    const all = await cloud.experiments.list({ nameContains: 'paged-', pageSize: 5 }).toArray();
    expect(all.map((e) => e.name).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `paged-${i}`).sort());
    expect(await cloud.experiments.list({ status: 'deleting' }).toArray()).toEqual([]);
    fake.clock.advance(48 * HOUR);
    const completed = await cloud.experiments.list({ status: 'completed', pageSize: 4 }).toArray();
    expect(completed).toHaveLength(12);
  });
});

describe('actions', () => {
  it('early-stops a running trial, terminates and deletes the job', async () => {
    const cloud = client(records);
    const created = await cloud.experiments.create(spec('actions', 6));
    for (let minute = 0; minute < 120; minute++) {
      records.state.sync();
      const now = records.clock.now();
      if (records.state.trialsOf(created.id).some((t) => t.runStartAt <= now && t.endedAt === undefined))
        break;
      records.clock.advance(60_000);
    }
    const running = (await cloud.trials.list(created.id, { status: 'running' }).toArray())[0];
    if (!running) throw new Error('no running trial');
    await cloud.trials.stop(created.id, running.id);
    expect(records.state.trial(created.id, running.id)?.earlyStopped).toBe(true);
    expect((await cloud.trials.get(created.id, running.id)).status).toBe('completed');

    await cloud.experiments.stop(created.id);
    expect((await cloud.experiments.get(created.id)).status).toMatch(/stopping|stopped/);
    await cloud.experiments.delete(created.id);
    const error = await cloud.experiments.get(created.id).catch((e: unknown) => e);
    expect(NotFoundError.is(error)).toBe(true);
    expect((error as NotFoundError).code).toBe('ModelArts.2775');
    expect((error as NotFoundError).requestId).toMatch(/.+/);
  });
});

describe('reading one trial', () => {
  it('takes the status from the trial list, which the per-trial answer lacks', async () => {
    const cloud = client(failing);
    const job = failing.state.seedJob({ name: 'half-fail' });
    failing.clock.advance(48 * HOUR);
    const listed = await cloud.trials.list(job.id).toArray();
    const failed = listed.find((t) => t.status === 'failed');
    if (!failed) throw new Error('the seed gave no failed trial');
    expect(await cloud.trials.get(job.id, failed.id)).toMatchObject({
      id: failed.id,
      status: 'failed',
      providerStatus: 'ERROR',
      hyperParameters: failed.hyperParameters,
    });
  });

  it('says NotFoundError for a trial the job does not have, and for a job without search', async () => {
    const cloud = client(records);
    const job = records.state.seedJob({ name: 'has-trials' });
    records.clock.advance(HOUR);
    const missing = await cloud.trials.get(job.id, 'ffffffff').catch((e: unknown) => e);
    expect(NotFoundError.is(missing)).toBe(true);
    expect((missing as Error).message).toBe(`ModelArts job ${job.id} has no trial ffffffff`);
    const plain = records.state.seedJob({ name: 'plain', autoSearch: null });
    const error = await cloud.experiments.get(plain.id).catch((e: unknown) => e);
    expect(NotFoundError.is(error)).toBe(true);
    expect((error as Error).message).toMatch(/has no hyperparameter search/);
  });
});

describe('job searches whose total counts every job of the user', () => {
  it('still lists exactly the matching jobs: the walk ends on a short page, not on total', async () => {
    for (let i = 0; i < 7; i++) records.state.seedJob({ name: `match-${i}` });
    for (let i = 0; i < 30; i++) records.state.seedJob({ name: `other-${i}` });
    // The reading of the docs where `total` is all 5059 jobs of the user and `count` the matches.
    const allOfTheUser: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/training-job-searches')) return response;
      const body = (await response.json()) as Record<string, unknown>;
      return Response.json({ ...body, total: 5059 }, { status: response.status, headers: response.headers });
    };
    const cloud = client(records, { fetch: allOfTheUser });
    const found = await cloud.experiments.list({ nameContains: 'match-', pageSize: 3 }).toArray();
    expect(found.map((e) => e.name).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `match-${i}`));
  });
});

describe('endpoints', () => {
  it('uses modelarts.{region}.myhuaweicloud.com, .cn for ap-southeast-1, and honours an override', () => {
    expect(modelartsEndpoint('cn-north-4')).toBe('https://modelarts.cn-north-4.myhuaweicloud.com');
    expect(modelartsEndpoint('ap-southeast-1')).toBe('https://modelarts.ap-southeast-1.myhuaweicloud.cn');
    expect(modelarts({ region: 'cn-north-4' }).region).toBe('cn-north-4');
  });

  it('sends every request to the endpoint it was given', async () => {
    const cloud = client(pages);
    await cloud.api.listSearchAlgorithms();
    expect(pages.requests.map((r) => new URL(r.url).origin)).toEqual([new URL(pages.endpoint).origin]);
  });
});
